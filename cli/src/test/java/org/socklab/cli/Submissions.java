package org.socklab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** Submission folders for the tests, made from the repository's template and fixtures. */
public final class Submissions {
    /** The root of this repository, where the tests find the template and the fixtures. */
    public static final Path REPOSITORY = Path.of(System.getProperty("socklab.repository", ".."))
            .toAbsolutePath()
            .normalize();

    private Submissions() {}

    /** A copy of the reference submission, with the given hostile fixture's files laid over it, if any. */
    static Path reference(Path into, String... overlays) {
        copy(REPOSITORY.resolve("fixtures/reference/src"), into.resolve("src"));
        for (String overlay : overlays) {
            copy(REPOSITORY.resolve("fixtures/hostile").resolve(overlay).resolve("src"), into.resolve("src"));
        }
        return into;
    }

    /** A copy of the untouched student template (its pom, stubs and tests). */
    static Path template(Path into) {
        Path template = REPOSITORY.resolve("student-template");
        copy(template.resolve("src"), into.resolve("src"));
        try {
            Files.copy(template.resolve("pom.xml"), into.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run of the command did. */
    record Run(int status, String out, String err) {}

    /** Runs the command in process, as the launcher would: with the repository's reference solutions named. */
    static Run socklab(Map<String, String> environment, String... args) {
        Map<String, String> withReference = new HashMap<>(environment);
        withReference.putIfAbsent(
                org.socklab.cli.command.GradeCommand.REFERENCE_VARIABLE,
                REPOSITORY.resolve("fixtures/reference").toString());
        return socklabAlone(withReference, args);
    }

    /** Runs the command in process with exactly this environment. */
    static Run socklabAlone(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        environment)
                .run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run socklab(String... args) {
        return socklab(Map.of(), args);
    }
}
