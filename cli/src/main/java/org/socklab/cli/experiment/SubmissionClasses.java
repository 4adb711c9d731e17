package org.socklab.cli.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.socklab.grader.Exercise;

/**
 * The classes of the server to measure: a submission's {@code src/main/java}, or the bundled
 * reference solution of the exercise, compiled as grading compiles them ({@code javac --release
 * 17}, against the JDK alone, no annotation processing).
 *
 * <p>Stateless and thread-safe.
 */
final class SubmissionClasses {
    private static final String REFERENCE = "socklab/reference/src/main/java/";

    private SubmissionClasses() {
    }

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

    /** Copies the bundled reference solution of {@code exercise} into {@code sources}. */
    static Path reference(Exercise exercise, Path sources) {
        String name = exercise.serverClassName().replace('.', '/') + ".java";
        try (InputStream in = SubmissionClasses.class.getClassLoader().getResourceAsStream(REFERENCE + name)) {
            if (in == null) {
                throw new IllegalStateException("this socklab build lacks the reference " + name
                        + ": rebuild it with mvn package");
            }
            Path file = sources.resolve(name);
            Files.createDirectories(file.getParent());
            Files.copy(in, file);
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles every {@code .java} file under {@code sources} into {@code classes}.
     *
     * @throws ExperimentFailure with javac's first line, if they do not compile
     */
    static Path compile(Path sources, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new ExperimentFailure(Messages.noCompiler());
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
                "-proc:none", "-implicit:none", "-sourcepath", "", "-classpath", "", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file))
                    .sorted().forEach(file -> arguments.add(file.toString()));
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        if (javac.run(null, said, said, arguments.toArray(String[]::new)) != 0) {
            String first = said.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("javac failed");
            throw new ExperimentFailure(Messages.of("error.notCompiled", first));
        }
        return classes;
    }
}
