package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Isolation;
import org.socklab.grader.harness.ServerExtension;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.Grading;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.Status;
import org.socklab.grader.score.TestScore;
import org.socklab.grader.score.TestSelection;

/**
 * Grades one submission without trusting it: compiles its sources alone, then runs the grader's
 * tests in this process against its servers, each exercise's servers in a child JVM
 * ({@link Isolation#CHILD_PROCESS}). The score is what this process's tests observed.
 *
 * <p>What the servers print goes to {@code output.log} in the report folder, never to the console.
 *
 * <p>Stateless and thread-safe: several submissions may be graded at once.
 */
public final class Grader {
    private Grader() {
    }

    /** Grades the exercises of the pristine template; {@code reportDir} receives the child output log. */
    public static GradeResult grade(Submission submission, Set<Exercise> exercises, Language language, Path reportDir) {
        return grade(submission, exercises, TestSelection.VISIBLE, language, reportDir);
    }

    /** {@link #grade(Submission, Set, Language, Path)} with the tests selected (the teacher's grading adds the hidden ones). */
    public static GradeResult grade(Submission submission, Set<Exercise> exercises, TestSelection selection, Language language,
            Path reportDir) {
        long start = System.nanoTime();
        Path work;
        try {
            work = Files.createTempDirectory("socklab-" + safe(submission.name()) + "-");
            Files.createDirectories(reportDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Compilation compilation = Compilation.of(submission, work.resolve("classes"));
            if (!compilation.succeeded()) {
                ScoreReport zero = notCompiled(Grading.notRun(exercises, selection, language), language);
                return new GradeResult(submission, zero, compilation.errors(), elapsed(start));
            }
            Map<String, String> configuration = Map.of(
                    ServerExtension.CLASSES, compilation.classes().toString(),
                    ServerExtension.ISOLATION, Isolation.CHILD_PROCESS.value(),
                    ServerExtension.CHILD_OUTPUT, reportDir.resolve(Reports.OUTPUT_LOG).toString());
            ScoreReport report = Grading.run(exercises, selection, configuration, language);
            return new GradeResult(submission, report, "", elapsed(start));
        } finally {
            deleteQuietly(work);
        }
    }

    /** Every test at zero, saying why. */
    static ScoreReport notCompiled(ScoreReport unrun, Language language) {
        String why = CoreFeedback.notCompiled().render(language);
        List<ExerciseScore> exercises = new ArrayList<>();
        for (ExerciseScore exercise : unrun.exercises()) {
            List<TestScore> tests = exercise.tests().stream()
                    .map(test -> new TestScore(test.id(), test.name(), 0, test.max(), Status.NOT_RUN, why,
                            test.hidden()))
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

    static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
