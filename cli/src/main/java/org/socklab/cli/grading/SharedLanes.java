package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.socklab.cli.report.ReportFolder;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.GradingJvm;
import org.socklab.grader.score.TestSelection;

/**
 * The grading JVMs of a grading run: a fixed number of lanes, each a grading JVM ({@link
 * GradingJvm}) that grades one exercise after another from one queue, in the order asked (each
 * submission's exercises longest first). {@code socklab grade} has lanes of its own; those of a
 * {@code grade-all} run are shared by all its submissions, so that a class of 30 starts a handful of
 * grading JVMs instead of 60, and no lane idles while the last exercise of a submission runs on
 * another and the next submission waits.
 *
 * <p>Each lane has two folders of its own, bound into its sandbox when its JVM starts: before an
 * exercise the lane puts that submission's classes in the first, in place of the last one's; after
 * it, it empties the second (the output folder): the servers' output goes to the submission's own
 * folder, the grading JVM's log out of the sandbox's sight. A grading JVM, and the student code it
 * starts, sees one submission at a time, as with a JVM per submission; and the grading JVM ends
 * every student process of an exercise before it hands back the score (see {@code GradingHost}).
 *
 * <p>Thread-safe. An interrupted {@link #grade} cancels its exercises: those waiting never start;
 * a running one ends with its grading JVM, and its lane starts a fresh one for the next exercise.
 */
final class SharedLanes implements AutoCloseable {
    private final Path folder;
    private final ExecutorService pool;
    private final ThreadLocal<Lane> own;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();

    private SharedLanes(int count, TestSelection selection, Containment containment, Path folder) {
        this.folder = folder;
        AtomicInteger numbers = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "socklab-lane-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.own = ThreadLocal.withInitial(() -> {
            Lane lane = Lane.in(folder.resolve(Thread.currentThread().getName()), selection, containment);
            lanes.add(lane);
            return lane;
        });
    }

    /** {@code count} lanes that grade with the tests selected, their folders in a private temporary folder. */
    static SharedLanes start(int count, TestSelection selection, Containment containment) {
        try {
            return new SharedLanes(count, selection, containment, TemporaryFolders.create("socklab-lanes-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Grades {@code exercises}, in this order, of the submission compiled into {@code classes};
     * each one's server output goes to {@code scratch/output-<exercise>.log}.
     *
     * @throws InterruptedException if interrupted; the exercises not yet graded are cancelled
     */
    List<ExerciseScore> grade(List<Exercise> exercises, Path classes, Path scratch, GradingProgress progress)
            throws InterruptedException {
        List<Future<List<ExerciseScore>>> graded = new ArrayList<>();
        for (Exercise exercise : exercises) {
            graded.add(pool.submit(() -> own.get().grade(exercise, classes, scratch, progress)));
        }
        try {
            List<ExerciseScore> scores = new ArrayList<>();
            for (Future<List<ExerciseScore>> score : graded) {
                scores.addAll(score.get());
            }
            return scores;
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed", e.getCause());
        } finally {
            // once all are done this changes nothing; otherwise it interrupts the lanes still at it
            graded.forEach(score -> score.cancel(true));
        }
    }

    /** Ends every lane's grading JVM, with its sandbox, and removes the lanes' folders. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lanes.forEach(Lane::close);
        ReportFolder.deleteTree(folder);
        TemporaryFolders.unregister(folder);
    }

    /** One lane: its folder and its grading JVM. Confined to its thread, but for {@link #close}. */
    private static final class Lane implements AutoCloseable {
        private final Path classes;
        private final Path out;
        private final Path logs;
        private final GradingJvm jvm;
        private Path current;

        private Lane(Path classes, Path out, Path logs, GradingJvm jvm) {
            this.classes = classes;
            this.out = out;
            this.logs = logs;
            this.jvm = jvm;
        }

        static Lane in(Path folder, TestSelection selection, Containment containment) {
            try {
                Path classes = Files.createDirectories(folder.resolve("classes"));
                Path out = Files.createDirectories(folder.resolve("out"));
                Path logs = Files.createDirectories(folder.resolve("logs"));
                return new Lane(classes, out, logs, GradingJvm.of(selection, classes, out, containment));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<ExerciseScore> grade(Exercise exercise, Path submission, Path scratch, GradingProgress progress)
                throws IOException {
            if (!submission.equals(current)) {
                // the folder itself stays: it is what the running JVM's sandbox has bound
                current = null;
                Folders.empty(classes);
                Folders.copyTree(submission, classes);
                current = submission;
            }
            progress.started(exercise);
            long start = System.nanoTime();
            List<ExerciseScore> graded = jvm.grade(exercise).exercises();
            graded.forEach(score -> progress.finished(score, Duration.ofNanos(System.nanoTime() - start)));
            // the next exercise, maybe another submission's, finds the folder empty: the servers'
            // output goes to this submission, the grading JVM's own log (still written) to the lane
            Path output = out.resolve("output-" + exercise.key() + ".log");
            try (Stream<Path> files = Files.list(out)) {
                for (Path file : files.toList()) {
                    Path to = file.equals(output)
                            ? scratch.resolve(file.getFileName())
                            : logs.resolve(file.getFileName());
                    Files.move(file, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                }
            }
            return graded;
        }

        @Override
        public void close() {
            jvm.close();
        }
    }
}
