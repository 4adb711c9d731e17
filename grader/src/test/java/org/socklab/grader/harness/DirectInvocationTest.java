package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;

/** A direct check's test called in this JVM, as a check's JVM calls it (DirectCheckTest runs them there). */
class DirectInvocationTest {

    @Test
    void should_report_nothing_thrown_for_a_test_that_passed() throws NoSuchMethodException {
        DirectInvocation.Outcome outcome = DirectInvocation.run(
                DirectCheckSample.class, DirectCheckSample.class.getMethod("usesServers", Servers.class));

        assertThat(outcome.thrown()).isEmpty();
    }

    @Test
    void should_report_the_failure_a_test_threw_as_it_was_thrown() throws NoSuchMethodException {
        DirectInvocation.Outcome outcome =
                DirectInvocation.run(DirectCheckSample.class, DirectCheckSample.class.getMethod("fails"));

        assertThat(outcome.thrown())
                .get()
                .isInstanceOfSatisfying(
                        GradedFailure.class,
                        failure -> assertThat(failure.observation())
                                .isEqualTo(CoreFeedback.assertion("a torn reading: max 30 with min 25 of another")));
    }

    @Test
    void should_refuse_a_test_that_takes_more_than_its_servers() {
        assertThatThrownBy(() -> DirectInvocation.run(
                        OddShapes.class, OddShapes.class.getMethod("takesAName", Servers.class, String.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes more than its Servers");
    }

    @Test
    void should_refuse_a_class_not_graded_for_an_exercise() {
        assertThatThrownBy(() -> DirectInvocation.run(String.class, String.class.getMethod("isEmpty")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("@GradedExercise");
    }

    /** Not a test class: methods of shapes a direct check never has. */
    @GradedExercise(Exercise.TEMPERATURE)
    public static class OddShapes {
        public void takesAName(Servers servers, String name) {}
    }
}
