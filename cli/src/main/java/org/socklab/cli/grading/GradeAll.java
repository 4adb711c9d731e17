package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.cli.report.Gradebook;
import org.socklab.cli.report.ReportFolder;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.Grading;
import org.socklab.grader.score.TestSelection;

/**
 * Grades every submission folder under a parent folder, {@code jobs} at a time, each into its own
 * {@code target/socklab} reports (a folder the grader makes anew), and returns one gradebook row
 * per folder, in name order; each row is handed to {@code progress} as soon as it is complete.
 *
 * <p>Each submission is compiled in a private temporary folder of its own (readable by this user
 * alone, removed afterwards) and graded by grading JVMs that see its classes alone while they grade
 * it (see {@link SharedLanes}), so that no submission can read or write another's. A submission
 * that is not a template, does not compile, or is not graded within the timeout gets a row of zeros
 * and the reason; it never stops the others. At its timeout, a grading is interrupted: its
 * exercises still waiting never start, those running are killed with their grading JVMs and every
 * process in their sandboxes, and its worker is free for the next submission at once.
 *
 * <p>The exercises are graded in lanes that all submissions share ({@link SharedLanes}): three per
 * processor, but no more than {@code jobs} submissions have exercises ({@link #lanes}). Most of an
 * exercise's time is deliberate windows and waits for a server, during which its lane uses no
 * processor: with two lanes per processor a class of 30 kept 2 processors 84-88 % busy, with three
 * 98 %, for the same verdicts, and 7-12 % less time. One submission more than {@code jobs} is
 * compiled ahead, so that no lane waits for the compiler, by a warm compiler of each worker's
 * ({@link CompilerServices}).
 *
 * <p>This is the teacher's grading: the hidden tests run too, when the teacher-only module is
 * on the class path (it is in the {@code socklab} command).
 *
 * <p>Thread-safe for one call at a time; the gradings run on its own pool of daemon threads.
 */
public final class GradeAll {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private final Set<Exercise> exercises;
    private final Language language;
    private final int jobs;
    private final Duration timeout;
    private final Containment containment;

    public GradeAll(Set<Exercise> exercises, Language language, int jobs, Duration timeout, Containment containment) {
        this.exercises = exercises;
        this.language = language;
        this.jobs = jobs;
        this.timeout = timeout;
        this.containment = containment;
    }

    /** One grading per core: each grading is mostly one test thread and one child JVM. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Lanes per processor: enough that the waits of some keep no processor idle. */
    static final int LANES_PER_PROCESSOR = 3;

    /**
     * How many lanes grade {@code exercises} exercises of each of {@code jobs} submissions at once
     * on {@code processors} processors: {@link #LANES_PER_PROCESSOR} per processor, no more than
     * there are exercises to grade at once.
     */
    static int lanes(int jobs, int exercises, int processors) {
        return Math.max(1, Math.min(jobs * exercises, LANES_PER_PROCESSOR * processors));
    }

    public Set<Exercise> exercises() {
        return exercises;
    }

    public List<Gradebook.Row> grade(Path parent, Consumer<Gradebook.Row> progress) {
        List<Path> folders;
        try (Stream<Path> children = Files.list(parent)) {
            folders = children.filter(folder -> Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS))
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(folder -> folder.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int max = Grading.notRun(exercises, TestSelection.VISIBLE_AND_HIDDEN).max();
        ExecutorService pool = Executors.newFixedThreadPool(jobs + 1, task -> {
            Thread thread = new Thread(task, "socklab-grade-all");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "socklab-grade-all-timeout");
            thread.setDaemon(true);
            return thread;
        });
        int lanes = lanes(jobs, exercises.size(), Runtime.getRuntime().availableProcessors());
        try (SharedLanes shared = SharedLanes.start(lanes, TestSelection.VISIBLE_AND_HIDDEN, containment);
                CompilerServices compilers = CompilerServices.start(containment)) {
            List<Future<Gradebook.Row>> futures = new ArrayList<>();
            for (Path folder : folders) {
                futures.add(pool.submit(() -> {
                    Gradebook.Row row = gradeOne(folder, max, alarms, compilers, shared);
                    progress.accept(row);
                    return row;
                }));
            }
            List<Gradebook.Row> rows = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                rows.add(await(futures.get(i), folders.get(i), max));
            }
            return rows;
        } finally {
            pool.shutdownNow();
            alarms.shutdownNow();
        }
    }

    /** Grades one folder, interrupted at its timeout. */
    private Gradebook.Row gradeOne(
            Path folder, int max, ScheduledExecutorService alarms, Compilation.Javac javac, SharedLanes lanes) {
        String student = folder.getFileName().toString();
        Thread worker = Thread.currentThread();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> alarm = alarms.schedule(
                () -> {
                    late.set(true);
                    worker.interrupt();
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            Submission submission = Submission.in(folder);
            Path reportDir = ReportFolder.freshIn(submission.folder());
            GradeResult result = Grader.grade(
                    submission,
                    exercises,
                    TestSelection.VISIBLE_AND_HIDDEN,
                    reportDir,
                    containment,
                    javac,
                    lanes,
                    GradingProgress.SILENT);
            if (late.get()) {
                return Gradebook.failed(student, exercises, max, "not graded within " + timeout.toSeconds() + " s");
            }
            Reports.write(result, language, reportDir);
            return Gradebook.graded(result, exercises);
        } catch (CliFailure e) {
            return Gradebook.failed(student, exercises, max, e.getMessage());
        } catch (RuntimeException e) {
            return late.get()
                    ? Gradebook.failed(student, exercises, max, "not graded within " + timeout.toSeconds() + " s")
                    : Gradebook.failed(student, exercises, max, "grading failed: " + e);
        } finally {
            alarm.cancel(false);
            // an alarm that rang after the grading ended must not reach the next submission
            Thread.interrupted();
        }
    }

    private Gradebook.Row await(Future<Gradebook.Row> future, Path folder, int max) {
        String student = folder.getFileName().toString();
        try {
            // each grading ends at its own timeout, so this wait is bounded too
            return future.get();
        } catch (ExecutionException e) {
            return Gradebook.failed(student, exercises, max, "grading failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Gradebook.failed(student, exercises, max, "interrupted");
        }
    }
}
