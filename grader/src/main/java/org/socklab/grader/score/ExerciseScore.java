package org.socklab.grader.score;

import java.util.List;
import org.socklab.grader.Exercise;

/** The score of one exercise: the sum of its tests' scores. */
public record ExerciseScore(Exercise exercise, int points, int max, List<TestScore> tests) {
    public ExerciseScore {
        tests = List.copyOf(tests);
    }

    static ExerciseScore of(Exercise exercise, List<TestScore> tests) {
        int points = tests.stream().mapToInt(TestScore::points).sum();
        int max = tests.stream().mapToInt(TestScore::max).sum();
        return new ExerciseScore(exercise, points, max, tests);
    }

    /** The ids of the tests that did not earn their points, in order. */
    public List<String> failedTests() {
        return tests.stream().filter(test -> !test.passed()).map(TestScore::id).toList();
    }
}
