package org.socklab.grader.score;

/**
 * The score of one graded test.
 *
 * @param id the test method's name, stable across languages (fixtures pin it)
 * @param name what the test checks, in the student's language
 * @param points the points earned: {@code max} or 0
 * @param max the points the test is worth
 * @param status how it ended
 * @param feedback what was observed and what to look at; empty when it passed
 * @param hidden whether the test is {@linkplain org.socklab.grader.Hidden hidden}: counted in the
 *     teacher's grading, never shown to students before the results are released
 */
public record TestScore(String id, String name, int points, int max, Status status, String feedback, boolean hidden) {

    /** A visible test's score. */
    public TestScore(String id, String name, int points, int max, Status status, String feedback) {
        this(id, name, points, max, status, feedback, false);
    }

    public boolean passed() {
        return status.earnsPoints();
    }
}
