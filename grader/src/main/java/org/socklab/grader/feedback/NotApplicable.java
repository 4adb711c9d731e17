package org.socklab.grader.feedback;

import org.opentest4j.TestAbortedException;

/**
 * Thrown by a graded test that cannot judge on this platform (for example, a checker that fails
 * to catch a known-broken implementation on this JDK). The test's points are then given, with the
 * observation as feedback, rather than taken from a correct solution. Only the grader throws it.
 */
public class NotApplicable extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    private final transient Feedback observation;

    public NotApplicable(Feedback observation) {
        this.observation = observation;
    }

    @Override
    public String getMessage() {
        return observation == null ? null : observation.toString();
    }

    public Feedback observation() {
        return observation;
    }
}
