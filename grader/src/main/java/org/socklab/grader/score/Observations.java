package org.socklab.grader.score;

import java.util.concurrent.TimeoutException;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.NotApplicable;

/** Turns whatever ended a graded test into an observation a student can read (also in a child JVM). Stateless. */
public final class Observations {
    private Observations() {}

    public static Feedback of(Throwable thrown) {
        if (thrown instanceof GradedFailure failure) {
            return failure.observation();
        }
        if (thrown instanceof NotApplicable notApplicable) {
            return notApplicable.observation();
        }
        if (thrown instanceof TimeoutException) {
            return CoreFeedback.timedOut(String.valueOf(thrown.getMessage()));
        }
        if (thrown instanceof AssertionError) {
            return CoreFeedback.assertion(String.valueOf(thrown.getMessage()));
        }
        return CoreFeedback.testError(thrown);
    }
}
