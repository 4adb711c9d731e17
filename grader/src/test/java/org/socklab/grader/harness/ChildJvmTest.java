package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;

/** A child JVM's life as the runs that reuse it see it. */
class ChildJvmTest {

    @Test
    void should_not_be_reused_once_killed_even_before_its_process_is_gone() {
        ChildJvm child = ChildJvm.start(Exercise.ECHOCAPS, List.of(), ChildOutput.discarded(), Sandbox.NONE);
        try {
            assertThat(child.alive()).isTrue();

            child.kill(CoreFeedback.serverWouldNotStop(Duration.ofSeconds(5)));

            assertThat(child.alive()).isFalse();
        } finally {
            child.close();
        }
    }
}
