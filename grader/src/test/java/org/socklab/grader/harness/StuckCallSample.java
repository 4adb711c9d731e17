package org.socklab.grader.harness;

import lab.sample.NeverReturns;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.socklab.grader.DirectCalls;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * Direct checks around a submission's method that never returns, run by DirectCheckTest (never by
 * Surefire): one waits for it in its own bounded way and must keep its own verdict, one calls it
 * on its own thread and must be cut short.
 */
@GradedExercise(Exercise.CHAT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class StuckCallSample {
    static final long SLOW_MILLIS = 7000;

    @Test
    @Order(1)
    @Points(1)
    @DisplayName("waits for a stuck call in its own way")
    @DirectCalls
    public void waitsWithItsOwnBound() throws InterruptedException {
        Thread caller = new Thread(NeverReturns::call, "sample-caller");
        caller.setDaemon(true);
        caller.start();
        caller.join(SLOW_MILLIS);
        throw new GradedFailure(CoreFeedback.assertion("the call did not return within " + SLOW_MILLIS + " ms"));
    }

    @Test
    @Order(2)
    @Points(1)
    @DisplayName("calls what never returns")
    @DirectCalls
    public void callsWhatNeverReturns() {
        NeverReturns.call();
    }
}
