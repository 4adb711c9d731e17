package org.socklab.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Assignment repositories for the tests, as a student would push them: a copy of the student
 * template (its workflow, pom, wrapper, stubs and tests; not its build output), with a solution
 * laid over the stubs. Stateless.
 */
final class Submissions {
    private Submissions() {}

    /** The untouched template, as a student receives it. */
    static Path template(Path into) {
        copy(Workflow.REPOSITORY.resolve("student-template"), into);
        return into;
    }

    /** The template with the reference solutions in place of the stubs. */
    static Path reference(Path into) {
        template(into);
        copy(Workflow.REPOSITORY.resolve("fixtures/reference/src"), into.resolve("src"));
        return into;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
