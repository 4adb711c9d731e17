package org.socklab.grader.feedback;

/**
 * A graded test's failure, carrying what was observed as a {@link Feedback} for the student.
 *
 * <p>It is an {@link AssertionError}, so JUnit and Surefire report it as a failed test, and its
 * message is the observation rendered in the current {@link Language}. The hint of the test that
 * failed is added by the scoring, which knows the test.
 */
public class GradedFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient Feedback observation;

    public GradedFailure(Feedback observation) {
        this(observation, null);
    }

    public GradedFailure(Feedback observation, Throwable cause) {
        super(observation.render(), cause);
        this.observation = observation;
    }

    public Feedback observation() {
        return observation;
    }
}
