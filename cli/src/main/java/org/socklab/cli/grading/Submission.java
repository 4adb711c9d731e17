package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;

/**
 * A student's submission: a copy of the template with the student's work. Only its Java sources
 * under {@code src/main/java} are ever used; its {@code pom.xml}, tests and build are ignored.
 *
 * @param folder the submission's folder
 * @param name how it is named in gradebooks: the folder's name
 */
public record Submission(Path folder, String name) {

    static final String SOURCES = "src/main/java";

    /**
     * Copies the sources the grader takes, the regular files under {@code src/main/java}, into
     * {@code into}, and returns it. The submission is read as data, never trusted as a file tree:
     * nothing is followed out of it.
     *
     * @throws CliFailure if a symbolic link is among them (refused, never followed)
     */
    Path copySources(Path into) {
        Path sources = folder.resolve(SOURCES);
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = into.resolve(sources.relativize(file).toString());
                if (Files.isSymbolicLink(file)) {
                    throw new CliFailure(name + ": " + folder.relativize(file)
                            + " is a symbolic link: refused, never followed (commit the file itself)");
                }
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /**
     * The submission in this folder.
     *
     * @throws CliFailure if there is no such folder, or it is not a copy of the template
     */
    public static Submission in(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new CliFailure("no such folder: " + folder);
        }
        if (!Files.isDirectory(absolute)) {
            throw new CliFailure("not a folder: " + folder);
        }
        for (String part : new String[] {"src", "src/main", SOURCES, SOURCES + "/lab"}) {
            if (Files.isSymbolicLink(absolute.resolve(part))) {
                throw new CliFailure("not graded: " + folder + "/" + part
                        + " is a symbolic link: refused, never followed (commit the folder itself)");
            }
        }
        if (!Files.isDirectory(absolute.resolve("src/main/java/lab"))) {
            throw new CliFailure("not a socklab template: " + folder + " has no src/main/java/lab");
        }
        Path fileName = absolute.getFileName();
        return new Submission(absolute, fileName == null ? absolute.toString() : fileName.toString());
    }
}
