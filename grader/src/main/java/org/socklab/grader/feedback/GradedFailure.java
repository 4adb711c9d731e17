package org.socklab.grader.feedback;

/**
 * A graded test's failure, carrying what was observed as a {@link Feedback} for the student.
 *
 * <p>It is an {@link AssertionError}, so JUnit and Surefire report it as a failed test. It keeps
 * the observation as a value: the report renders it in the student's language; the plain message
 * that JUnit prints is English and for the console only. The hint of the test that failed is added
 * by the scoring, which knows the test.
 */
public class GradedFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient Feedback observation;

    public GradedFailure(Feedback observation) {
        this(observation, null);
    }

    public GradedFailure(Feedback observation, Throwable cause) {
        super(null, cause);
        this.observation = observation;
    }

    public Feedback observation() {
        return observation;
    }

    @Override
    public String getMessage() {
        return observation == null ? null : observation.toString();
    }
}
