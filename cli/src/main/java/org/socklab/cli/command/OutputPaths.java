package org.socklab.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.socklab.cli.CliFailure;

/**
 * Checks, before any grading, that the command will be able to write where it was told to: a
 * read-only {@code --out} or a {@code --csv} in a missing or read-only place is a one-line failure
 * in a second, not a stack trace after minutes of grading. The check writes and deletes an empty
 * probe file, since permissions alone do not tell (root, a read-only mount, ACLs); its name is
 * unique, so that runs writing into one folder at once, or a probe left by a killed run, never
 * stand in each other's way. Stateless.
 */
final class OutputPaths {
    private static final String PROBE = ".socklab-write-probe-";

    private OutputPaths() {}

    /** A folder the reports can be written into; made if missing. */
    static void requireWritableFolder(Path folder, String what) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliFailure(what + " " + folder + " is a file, not a folder: nothing was graded");
        }
        try {
            Files.createDirectories(folder);
            probe(folder);
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliFailure(
                    "cannot write " + what + " into " + folder + " (" + reason(e) + "): nothing was graded");
        }
    }

    /** A file that can be written (replaced if it exists); its folder is made if missing. */
    static void requireWritableFile(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new CliFailure(what + " " + file + " is a folder, not a file: nothing was graded");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
                probe(parent);
            }
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new IOException("the file is read-only");
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new CliFailure("cannot write " + what + " " + file + " (" + reason(e) + "): nothing was graded");
        }
    }

    /** Writes and deletes an empty file of a name of its own in {@code folder}. */
    private static void probe(Path folder) throws IOException {
        Files.delete(Files.createTempFile(folder, PROBE, ""));
    }

    private static String reason(Exception e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> e.getMessage() == null ? name : e.getMessage();
            case "FileAlreadyExistsException" -> "a file is in the way: " + e.getMessage();
            case "NoSuchFileException" -> "no such folder: " + e.getMessage();
            default -> e.getMessage() == null ? name : e.getMessage();
        };
    }
}
