package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.cli.report.Gradebook;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.Grading;
import org.socklab.grader.score.TestSelection;

/**
 * Grades every submission folder under a parent folder, {@code jobs} at a time, each into its own
 * {@code target/socklab} reports, and returns one gradebook row per folder, in name order.
 *
 * <p>A submission that is not a template, does not compile, or is not graded within the timeout
 * gets a row of zeros and the reason; it never stops the others. A timed-out grading is abandoned
 * (its child JVMs end with their own lifetime bound).
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

    public GradeAll(Set<Exercise> exercises, Language language, int jobs, Duration timeout) {
        this.exercises = exercises;
        this.language = language;
        this.jobs = jobs;
        this.timeout = timeout;
    }

    /** One grading per core: each grading is mostly one test thread and one child JVM. */
    public static int defaultJobs() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public Set<Exercise> exercises() {
        return exercises;
    }

    public List<Gradebook.Row> grade(Path parent, Consumer<Gradebook.Row> progress) {
        List<Path> folders;
        try (Stream<Path> children = Files.list(parent)) {
            folders = children.filter(Files::isDirectory)
                    .filter(folder -> !folder.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(folder -> folder.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int max = Grading.notRun(exercises, TestSelection.VISIBLE_AND_HIDDEN, language).max();
        ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
            Thread thread = new Thread(task, "socklab-grade-all");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Gradebook.Row>> futures = new ArrayList<>();
            for (Path folder : folders) {
                futures.add(pool.submit(() -> gradeOne(folder, max)));
            }
            List<Gradebook.Row> rows = new ArrayList<>();
            for (int i = 0; i < folders.size(); i++) {
                Gradebook.Row row = await(futures.get(i), folders.get(i), max);
                progress.accept(row);
                rows.add(row);
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    private Gradebook.Row gradeOne(Path folder, int max) {
        String student = folder.getFileName().toString();
        try {
            Submission submission = Submission.in(folder);
            Path reportDir = submission.folder().resolve("target/socklab");
            GradeResult result = Grader.grade(submission, exercises, TestSelection.VISIBLE_AND_HIDDEN, language, reportDir);
            Reports.write(result, language, reportDir);
            return Gradebook.graded(result, exercises);
        } catch (CliFailure e) {
            return Gradebook.failed(student, exercises, max, e.getMessage());
        } catch (RuntimeException e) {
            return Gradebook.failed(student, exercises, max, "grading failed: " + e);
        }
    }

    private Gradebook.Row await(Future<Gradebook.Row> future, Path folder, int max) {
        String student = folder.getFileName().toString();
        try {
            // each waits at most its own timeout after the ones before it: started in order, they share the pool
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return Gradebook.failed(student, exercises, max, "not graded within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Gradebook.failed(student, exercises, max, "grading failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Gradebook.failed(student, exercises, max, "interrupted");
        }
    }
}
