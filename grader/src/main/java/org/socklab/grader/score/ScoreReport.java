package org.socklab.grader.score;

import java.util.List;
import java.util.Optional;
import org.socklab.grader.Exercise;

/**
 * A whole grading: every exercise that had graded tests in the run, in course order, and the
 * totals. Immutable.
 */
public record ScoreReport(int total, int max, List<ExerciseScore> exercises) {
    public ScoreReport {
        exercises = List.copyOf(exercises);
    }

    static ScoreReport of(List<ExerciseScore> exercises) {
        int total = exercises.stream().mapToInt(ExerciseScore::points).sum();
        int max = exercises.stream().mapToInt(ExerciseScore::max).sum();
        return new ScoreReport(total, max, exercises);
    }

    /** The points earned in hidden tests: part of {@link #total()}, reported apart. */
    public int hiddenPoints() {
        return exercises.stream()
                .flatMap(exercise -> exercise.tests().stream())
                .filter(TestScore::hidden)
                .mapToInt(TestScore::points)
                .sum();
    }

    /** The points hidden tests are worth: part of {@link #max()}, reported apart. */
    public int hiddenMax() {
        return exercises.stream()
                .flatMap(exercise -> exercise.tests().stream())
                .filter(TestScore::hidden)
                .mapToInt(TestScore::max)
                .sum();
    }

    public Optional<ExerciseScore> exercise(Exercise exercise) {
        return exercises.stream().filter(score -> score.exercise() == exercise).findFirst();
    }
}
