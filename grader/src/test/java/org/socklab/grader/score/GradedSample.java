package org.socklab.grader.score;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.NotApplicable;

/**
 * Graded tests with known outcomes, run by the scoring's own tests through the launcher (never by
 * Surefire: the name matches none of its patterns).
 */
class GradedSample {

    @GradedExercise(Exercise.ECHOCAPS)
    static class Outcomes {
        @Test
        @Points(2)
        @DisplayName("passes")
        void passes() {}

        @Test
        @Points(3)
        @DisplayName("fails with an observation")
        void failsWithAnObservation() {
            throw new GradedFailure(CoreFeedback.noReply(java.time.Duration.ofSeconds(10), "hello\n"));
        }

        @Test
        @Points(1)
        @DisplayName("cannot judge here")
        void cannotJudgeHere() {
            throw new NotApplicable(CoreFeedback.skipped("no checker on this JDK"));
        }

        @Test
        @DisplayName("is not graded")
        void isNotGraded() {}
    }

    @GradedExercise(Exercise.HTTP)
    static class BrokenSetup {
        @BeforeAll
        static void breaks() {
            throw new IllegalStateException("setup broke");
        }

        @Test
        @Points(4)
        @DisplayName("never runs")
        void neverRuns() {}
    }

    /** Uses a hint from the echocaps bundle, by borrowing a method name that has one. */
    @GradedExercise(Exercise.ECHOCAPS)
    static class WithHint {
        @Test
        @Points(1)
        @DisplayName("crlf")
        void dropsTheCarriageReturnOfCrlf() {
            throw new GradedFailure(CoreFeedback.wrongReply("windows\r\n", "WINDOWS", "WINDOWS\r"));
        }
    }

    /** Two tests meet the same root cause (serve never returns), a third fails on its own. */
    @GradedExercise(Exercise.ECHOCAPS)
    static class Gated {
        @Test
        @Points(1)
        void repliesToOneLine() {
            throw new GradedFailure(CoreFeedback.serverWouldNotStop(java.time.Duration.ofSeconds(5)));
        }

        @Test
        @Points(1)
        void answersLineAfterLineOnOneConnection() {
            throw new GradedFailure(CoreFeedback.serverWouldNotStop(java.time.Duration.ofSeconds(5)));
        }

        @Test
        @Points(1)
        void dropsTheCarriageReturnOfCrlf() {
            throw new GradedFailure(CoreFeedback.wrongReply("windows\r\n", "WINDOWS", "WINDOWS\r"));
        }
    }

    static class NotGraded {
        @Test
        void plainTest() {}
    }

    static class NotGradedFailing {
        @Test
        void failingTest() {
            throw new AssertionError("a student's own test that fails");
        }
    }
}
