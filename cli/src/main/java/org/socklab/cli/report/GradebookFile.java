package org.socklab.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.socklab.cli.CliFailure;
import org.socklab.grader.Exercise;

/**
 * The gradebook CSV of a {@code grade-all}, written as rows complete: after each row, the whole
 * file is written anew beside it and moved into place atomically, so that the file is always a
 * whole gradebook (header included) of every submission graded so far, in name order; a run
 * killed half-way keeps every row it had. Thread-safe.
 */
public final class GradebookFile {
    private final Path file;
    private final Set<Exercise> exercises;
    private final List<Gradebook.Row> rows = new ArrayList<>();

    /**
     * @throws CliFailure if its folder cannot be created or the file cannot be written (checked at
     *     once, before any grading)
     */
    public GradebookFile(Path file, Set<Exercise> exercises) {
        this.file = file.toAbsolutePath();
        this.exercises = exercises;
        try {
            Files.createDirectories(this.file.getParent());
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getMessage());
        }
        write();
    }

    /** Adds a completed row and writes the file anew. */
    public synchronized void add(Gradebook.Row row) {
        rows.add(row);
        rows.sort(Comparator.comparing(Gradebook.Row::student));
        write();
    }

    private void write() {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.writeString(next, Gradebook.write(rows, exercises), StandardCharsets.UTF_8);
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getMessage());
        }
    }
}
