package org.socklab.cli.progress;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.socklab.cli.grading.GradingProgress;
import org.socklab.grader.Exercise;
import org.socklab.grader.score.ExerciseScore;

/**
 * The progress of one grading on a {@link ProgressLine}: a plain line when an exercise starts and
 * when it ends (with its score and time), and on a terminal a live line naming the exercises
 * being graded and how many are done. It only watches.
 *
 * <p>Thread-safe: every callback is synchronized (exercises are graded in parallel).
 */
public final class ExerciseProgress implements GradingProgress {
    private final ProgressLine line;
    private final int total;
    private final Set<Exercise> running = EnumSet.noneOf(Exercise.class);
    private int done;

    public ExerciseProgress(ProgressLine line, int total) {
        this.line = line;
        this.total = total;
    }

    @Override
    public synchronized void started(Exercise exercise) {
        running.add(exercise);
        line.step("socklab: grading " + name(exercise));
        live();
    }

    @Override
    public synchronized void finished(ExerciseScore score, Duration took) {
        running.remove(score.exercise());
        done++;
        line.step("socklab: " + name(score.exercise()) + ": " + score.points() + "/" + score.max() + " in "
                + String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
        if (done == total) {
            line.clear();
        } else {
            live();
        }
    }

    private void live() {
        line.update("  " + done + "/" + total + " exercises done; grading "
                + running.stream().map(ExerciseProgress::name).collect(Collectors.joining(", ")));
    }

    private static String name(Exercise exercise) {
        return exercise.number() + ". " + exercise.key();
    }
}
