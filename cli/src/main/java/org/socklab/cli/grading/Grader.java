package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.socklab.cli.report.ReportFolder;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.Grading;
import org.socklab.grader.score.GradingJvm;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.Status;
import org.socklab.grader.score.TestScore;
import org.socklab.grader.score.TestSelection;

/**
 * Grades one submission without trusting it: copies its sources (regular files only) into a
 * private temporary folder, compiles them there alone ({@code javac -proc:none}: no student code
 * runs while compiling), then grades its exercises {@code parallel} at a time, each lane a grading
 * JVM ({@link GradingJvm}, inside the OS sandbox when the {@link Containment} has one) that grades
 * one exercise after another, the longest first. The score is what the grader's tests observed;
 * the temporary folder is removed afterwards.
 *
 * <p>What the servers print goes to {@code output.log} in the report folder (cut at 1 MiB), never
 * to the console.
 *
 * <p>Stateless and thread-safe: several submissions may be graded at once. An interrupt (a
 * timeout of grade-all, Ctrl-C) ends its grading JVMs, and every process in their sandboxes.
 */
public final class Grader {
    private static final int OUTPUT_LIMIT = 1024 * 1024;

    private Grader() {}

    /**
     * Exercises graded at once by one {@code socklab grade}: one per two cores, and at least two,
     * since much of a grading is waiting (windows, JVM starts) and two at once took 28-32 s against
     * 39-42 s one at a time for the reference on 2 cores; the fixtures' pins hold under more load.
     */
    public static int defaultParallel() {
        return defaultParallel(Runtime.getRuntime().availableProcessors());
    }

    private static int defaultParallel(int processors) {
        return Math.max(2, processors / 2);
    }

    /** Grades the exercises of the pristine template; {@code reportDir} (made by the caller) receives the output log. */
    public static GradeResult grade(
            Submission submission, Set<Exercise> exercises, Path reportDir, Containment containment, int parallel) {
        return grade(
                submission, exercises, TestSelection.VISIBLE, reportDir, containment, parallel, GradingProgress.SILENT);
    }

    /**
     * Grades as above with the tests selected (the teacher's grading adds the hidden ones), telling
     * {@code progress} as each exercise starts and ends (it cannot change the score).
     */
    public static GradeResult grade(
            Submission submission,
            Set<Exercise> exercises,
            TestSelection selection,
            Path reportDir,
            Containment containment,
            int parallel,
            GradingProgress progress) {
        int lanes = Math.max(1, Math.min(parallel, exercises.size()));
        try (SharedLanes own = SharedLanes.start(lanes, selection, containment)) {
            return grade(
                    submission,
                    exercises,
                    selection,
                    reportDir,
                    containment,
                    Compilation.javac(containment),
                    own,
                    progress);
        }
    }

    /**
     * Grades as above, compiled by {@code javac}, in {@code lanes} that may grade other submissions
     * too (those of a {@code grade-all} run share theirs, and its warm compilers).
     */
    static GradeResult grade(
            Submission submission,
            Set<Exercise> exercises,
            TestSelection selection,
            Path reportDir,
            Containment containment,
            Compilation.Javac javac,
            SharedLanes lanes,
            GradingProgress progress) {
        long start = System.nanoTime();
        Path work;
        try {
            work = TemporaryFolders.create("socklab-" + safe(submission.name()) + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Compilation compilation =
                    Compilation.of(submission.copySources(work.resolve("src")), work.resolve("classes"), javac);
            if (!compilation.succeeded()) {
                ScoreReport zero = notCompiled(Grading.notRun(exercises, selection));
                return new GradeResult(
                        submission, zero, compilation.errors(), elapsed(start), containment, compilation.notices());
            }
            Path scratch = Files.createDirectories(work.resolve("out"));
            ScoreReport report = gradeExercises(exercises, selection, compilation.classes(), scratch, lanes, progress);
            collectOutput(scratch, exercises, reportDir.resolve(Reports.OUTPUT_LOG));
            return new GradeResult(submission, report, "", elapsed(start), containment, compilation.notices());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ReportFolder.deleteTree(work);
            TemporaryFolders.unregister(work);
        }
    }

    private static ScoreReport gradeExercises(
            Set<Exercise> exercises,
            TestSelection selection,
            Path classes,
            Path scratch,
            SharedLanes lanes,
            GradingProgress progress) {
        try {
            List<ExerciseScore> scores =
                    new ArrayList<>(lanes.grade(longestFirst(exercises), classes, scratch, progress));
            scores.sort(Comparator.comparing(ExerciseScore::exercise));
            return new ScoreReport(
                    scores.stream().mapToInt(ExerciseScore::points).sum(),
                    scores.stream().mapToInt(ExerciseScore::max).sum(),
                    scores);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Grading.failed(exercises, selection, CoreFeedback.gradingWithoutScore("interrupted"));
        }
    }

    /**
     * The order in which exercises' gradings start: the longest first, so that the short ones fill
     * the last gaps instead of a long one running alone at the end while a lane waits.
     * Walls of the reference's gradings, quiet 2-core machine: chat 10 s, queue 8 s, temperature
     * 7 s, bounded 6.6 s, http 5.4 s, echocaps 2 s. Reports keep the course order.
     */
    static List<Exercise> longestFirst(Set<Exercise> exercises) {
        // an exercise not in the list (a new one) comes last, never left out
        return exercises.stream()
                .sorted(Comparator.comparingInt(exercise -> LONGEST_FIRST.indexOf(exercise) & Integer.MAX_VALUE))
                .toList();
    }

    private static final List<Exercise> LONGEST_FIRST = List.of(
            Exercise.CHAT, Exercise.QUEUE, Exercise.TEMPERATURE, Exercise.BOUNDED, Exercise.HTTP, Exercise.ECHOCAPS);

    /** The servers' output of every exercise, in course order, cut at {@value #OUTPUT_LIMIT} bytes. */
    private static void collectOutput(Path scratch, Set<Exercise> exercises, Path log) throws IOException {
        StringBuilder output = new StringBuilder();
        for (Exercise exercise : exercises) {
            Path file = scratch.resolve("output-" + exercise.key() + ".log");
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                output.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        String text = output.length() > OUTPUT_LIMIT
                ? output.substring(0, OUTPUT_LIMIT) + "\n[socklab] output cut off after " + OUTPUT_LIMIT
                        + " characters\n"
                : output.toString();
        ReportFolder.replace(log, text);
    }

    /** Every test at zero, saying why. */
    static ScoreReport notCompiled(ScoreReport unrun) {
        List<Feedback> why = List.of(CoreFeedback.notCompiled());
        List<ExerciseScore> exercises = new ArrayList<>();
        for (ExerciseScore exercise : unrun.exercises()) {
            List<TestScore> tests = exercise.tests().stream()
                    .map(test ->
                            new TestScore(test.id(), test.name(), 0, test.max(), Status.NOT_RUN, why, test.hidden()))
                    .toList();
            exercises.add(new ExerciseScore(exercise.exercise(), 0, exercise.max(), tests));
        }
        return new ScoreReport(0, unrun.max(), exercises);
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
