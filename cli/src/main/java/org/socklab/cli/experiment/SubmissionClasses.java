package org.socklab.cli.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.socklab.cli.grading.Compilation;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Containment;

/**
 * The classes of the server to measure: a submission's {@code src/main/java}, or the bundled
 * reference solution of the exercise, compiled as grading compiles them.
 *
 * <p>Stateless and thread-safe.
 */
final class SubmissionClasses {
    /** The environment variable that names the reference solutions' folder (set by the launcher). */
    static final String REFERENCE_VARIABLE = "SOCKLAB_REFERENCE";

    private SubmissionClasses() {}

    /**
     * Checks that {@code folder} is a submission: the one-line failure comes before any long work.
     *
     * @throws ExperimentFailure if it is not a folder with {@code src/main/java/lab}
     */
    static Path sources(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ExperimentFailure(Messages.of("error.noFolder", folder.toString()));
        }
        Path sources = folder.resolve("src/main/java");
        if (!Files.isDirectory(sources.resolve("lab"))) {
            throw new ExperimentFailure(Messages.of("error.notTemplate", folder.toString()));
        }
        return sources;
    }

    /**
     * Copies the reference solution of {@code exercise} into {@code sources}, from the folder the
     * environment names in {@value #REFERENCE_VARIABLE} (the repository's {@code fixtures/reference}:
     * solutions never ship in the jar students download).
     *
     * @throws ExperimentFailure if no such folder is named
     */
    static Path reference(Exercise exercise, Path sources, Map<String, String> environment) {
        String folder = environment.get(REFERENCE_VARIABLE);
        if (folder == null || folder.isBlank()) {
            throw new ExperimentFailure(Messages.of("error.noReference"));
        }
        String name = exercise.serverClassName().replace('.', '/') + ".java";
        try (InputStream in =
                Files.newInputStream(Path.of(folder, "src", "main", "java").resolve(name))) {
            Path file = sources.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes}, as grading does
     * ({@link Compilation}: in the sandbox where this machine has one).
     *
     * @throws ExperimentFailure with javac's first line, if they do not compile
     */
    static Path compile(Path sources, Path classes) {
        Compilation compiled = Compilation.of(sources, classes, Containment.detect());
        if (!compiled.succeeded()) {
            String first = compiled.errors().lines().findFirst().orElse("javac failed");
            throw new ExperimentFailure(Messages.of("error.notCompiled", first));
        }
        return classes;
    }
}
