package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/** A wait that has seen its condition cannot come ends at once, with the message of its deadline. */
class WaitsTest {
    private static final Feedback ALIAS = CoreFeedback.assertion("the processor to wait on the queue");
    private static final Duration LONG = Duration.ofMinutes(10);

    @Test
    void should_end_an_eventually_wait_at_the_first_hopeless_look_with_its_deadline_message() {
        AtomicInteger looks = new AtomicInteger();
        GradedFailure observed = new GradedFailure(CoreFeedback.assertion("one thread, spinning"));

        GradedFailure failure = catchThrowableOfType(
                GradedFailure.class,
                () -> Waits.eventually(ALIAS, LONG, () -> {
                    if (looks.incrementAndGet() < 3) {
                        throw new GradedFailure(CoreFeedback.assertion("not yet"));
                    }
                    throw Waits.hopeless(observed);
                }));

        assertThat(looks).hasValue(3);
        assertThat(failure.observation()).isEqualTo(CoreFeedback.notTrueWithin(ALIAS, LONG, observed.observation()));
        assertThat(failure).hasCause(observed);
    }
}
