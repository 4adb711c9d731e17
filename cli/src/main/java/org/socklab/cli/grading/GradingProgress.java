package org.socklab.cli.grading;

import java.time.Duration;
import org.socklab.grader.Exercise;
import org.socklab.grader.score.ExerciseScore;

/**
 * What a grading tells as it goes, to show progress: an exercise's grading starts, and ends
 * with its score. It only watches; the score comes from the grading JVMs. Implementations are
 * called from the grading's worker threads, several at once when exercises are graded in parallel.
 */
public interface GradingProgress {
    /** Tells nothing. */
    GradingProgress SILENT = new GradingProgress() {
        @Override
        public void started(Exercise exercise) {}

        @Override
        public void finished(ExerciseScore score, Duration took) {}
    };

    void started(Exercise exercise);

    void finished(ExerciseScore score, Duration took);
}
