package org.socklab.cli.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.socklab.cli.report.ReportFolder;

/**
 * The folders a grading hands from one submission to the next (a lane's classes, a compiler's
 * sources and classes): emptied strictly and filled with regular files only, following no link,
 * so that nothing of one submission joins the next. Stateless and thread-safe.
 */
final class Folders {
    private Folders() {}

    /** Deletes everything in {@code folder}, keeping the folder (a sandbox may have it bound). */
    static void empty(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            for (Path child : children.toList()) {
                if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    ReportFolder.deleteTree(child);
                } else {
                    Files.delete(child);
                }
            }
        }
    }

    /** Copies the regular files and folders under {@code from} into {@code to}; a link is refused. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
                } else {
                    throw new IOException("not a file nor a folder: " + file);
                }
            }
        }
    }
}
