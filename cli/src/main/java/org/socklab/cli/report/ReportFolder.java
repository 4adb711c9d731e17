package org.socklab.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.socklab.cli.CliFailure;

/**
 * The folder a grading's reports go to, made by the grader, never a path the submission provides:
 * inside a submission, {@code target/socklab} is emptied and made anew, and refused if
 * {@code target} or it is a symbolic link (a committed {@code target} linked elsewhere must not
 * carry the reports into another student's folder). Files are written by replacing whatever is
 * there, never through it. Stateless.
 */
public final class ReportFolder {
    private ReportFolder() {}

    /**
     * A fresh {@code target/socklab} in the submission's folder.
     *
     * @throws CliFailure if {@code target} or {@code target/socklab} is a symbolic link or not a folder
     */
    public static Path freshIn(Path submission) {
        Path target = submission.resolve("target");
        Path reports = target.resolve("socklab");
        for (Path part : new Path[] {target, reports}) {
            if (Files.isSymbolicLink(part)
                    || Files.exists(part, LinkOption.NOFOLLOW_LINKS)
                            && !Files.isDirectory(part, LinkOption.NOFOLLOW_LINKS)) {
                throw new CliFailure("not graded: " + submission.relativize(part)
                        + " in the submission is a symbolic link or a file: reports are never written through it");
            }
        }
        deleteTree(reports);
        return given(reports);
    }

    /** A folder the teacher named ({@code --out}), created if missing. */
    public static Path given(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CliFailure("cannot create the report folder " + folder + ": " + e.getMessage());
        }
    }

    /** Writes {@code text} as {@code file}, replacing whatever is there (a link is replaced, not followed). */
    public static void replace(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            Files.writeString(
                    file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes a folder and everything in it, following no link; quietly. */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
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
            // what is left is reported by the next write, or is a temporary folder the system cleans
        }
    }
}
