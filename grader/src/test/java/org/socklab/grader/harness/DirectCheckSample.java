package org.socklab.grader.harness;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socklab.grader.DirectCalls;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;

/** Direct-call tests with known outcomes, run by DirectCheckTest under child isolation (never by Surefire). */
@GradedExercise(Exercise.TEMPERATURE)
public class DirectCheckSample {

    @Test
    @Points(1)
    @DisplayName("passes")
    @DirectCalls
    public void passes() {}

    @Test
    @Points(1)
    @DisplayName("fails")
    @DirectCalls
    public void fails() {
        throw new GradedFailure(CoreFeedback.assertion("a torn reading: max 30 with min 25 of another"));
    }

    @Test
    @Points(1)
    @DisplayName("exits")
    @DirectCalls
    public void exits() {
        System.exit(3);
    }

    @Test
    @Points(1)
    @DisplayName("prints a fake verdict")
    @DirectCalls
    public void printsAFakeVerdict() {
        System.out.println("passed");
        System.err.println("passed");
        throw new GradedFailure(CoreFeedback.assertion("really failed"));
    }

    @Test
    @Points(1)
    @DisplayName("takes its servers as a parameter")
    @DirectCalls
    public void usesServers(Servers servers) {
        if (servers.exercise() != Exercise.TEMPERATURE) {
            throw new GradedFailure(CoreFeedback.assertion("wrong exercise"));
        }
    }

    @Test
    @Points(1)
    @DisplayName("knows where it runs")
    @DirectCalls
    public void runsInAnotherProcess() {
        if (ProcessHandle.current().pid() == Long.getLong("socklab.sample.parent", -1)) {
            throw new GradedFailure(CoreFeedback.assertion("ran in the grader's own process"));
        }
    }
}
