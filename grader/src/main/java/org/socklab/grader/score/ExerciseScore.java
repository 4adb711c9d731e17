package org.socklab.grader.score;

import java.util.List;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Floor;

/**
 * The score of one exercise: the sum of its tests' scores; and the {@link Floor} its grading
 * counted (what a correct solution cannot avoid), for benchmarks, never for points.
 */
public record ExerciseScore(Exercise exercise, int points, int max, List<TestScore> tests, Floor floor) {
    public ExerciseScore {
        tests = List.copyOf(tests);
    }

    /** A score with no floor counted. */
    public ExerciseScore(Exercise exercise, int points, int max, List<TestScore> tests) {
        this(exercise, points, max, tests, Floor.NONE);
    }

    static ExerciseScore of(Exercise exercise, List<TestScore> tests) {
        return of(exercise, tests, Floor.NONE);
    }

    static ExerciseScore of(Exercise exercise, List<TestScore> tests, Floor floor) {
        int points = tests.stream().mapToInt(TestScore::points).sum();
        int max = tests.stream().mapToInt(TestScore::max).sum();
        return new ExerciseScore(exercise, points, max, tests, floor);
    }

    /** This score, with {@code more} added to its floor. */
    public ExerciseScore plusFloor(Floor more) {
        return new ExerciseScore(exercise, points, max, tests, floor.plus(more));
    }

    /** The ids of the tests that did not earn their points, in order. */
    public List<String> failedTests() {
        return tests.stream().filter(test -> !test.passed()).map(TestScore::id).toList();
    }
}
