package org.socklab.grader.score;

import java.util.List;
import org.socklab.grader.feedback.Feedback;

/**
 * The score of one graded test. Its texts are messages, rendered by the report that prints them.
 *
 * @param id the test method's name, stable across languages (fixtures pin it)
 * @param name what the test checks
 * @param points the points earned: {@code max} or 0
 * @param max the points the test is worth
 * @param status how it ended
 * @param feedback what was observed and what to look at, one message per line; empty when it passed
 * @param hidden whether the test is {@linkplain org.socklab.grader.Hidden hidden}: counted in the
 *     teacher's grading, never shown to students before the results are released
 */
public record TestScore(
        String id, Feedback name, int points, int max, Status status, List<Feedback> feedback, boolean hidden) {
    public TestScore {
        feedback = List.copyOf(feedback);
    }

    /** A visible test's score. */
    public TestScore(String id, Feedback name, int points, int max, Status status, List<Feedback> feedback) {
        this(id, name, points, max, status, feedback, false);
    }

    public boolean passed() {
        return status.earnsPoints();
    }
}
