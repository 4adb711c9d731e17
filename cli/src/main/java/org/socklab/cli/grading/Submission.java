package org.socklab.cli.grading;

import java.nio.file.Files;
import java.nio.file.Path;
import org.socklab.cli.CliFailure;

/**
 * A student's submission: a copy of the template with the student's work. Only its Java sources
 * under {@code src/main/java} are ever used; its {@code pom.xml}, tests and build are ignored.
 *
 * @param folder the submission's folder
 * @param name how it is named in gradebooks: the folder's name
 */
public record Submission(Path folder, String name) {

    /** The sources the grader takes. */
    Path sources() {
        return folder.resolve("src/main/java");
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
        if (!Files.isDirectory(absolute.resolve("src/main/java/lab"))) {
            throw new CliFailure("not a socklab template: " + folder + " has no src/main/java/lab");
        }
        Path fileName = absolute.getFileName();
        return new Submission(absolute, fileName == null ? absolute.toString() : fileName.toString());
    }
}
