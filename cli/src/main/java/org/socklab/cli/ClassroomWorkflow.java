package org.socklab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the teacher's class grading workflow ({@value #FILE}), bundled from the repository's
 * {@code .github/classroom/}: a matrix of shards graded with {@code grade-all --roster --shard},
 * then {@code shard merge} into one gradebook and class report. Stateless.
 */
final class ClassroomWorkflow {
    static final String FILE = "socklab-class.yml";

    private ClassroomWorkflow() {
    }

    /** Writes the workflow into the folder (made if needed) and returns its path. */
    static Path write(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            Files.write(file, Bundled.bytes("socklab/classroom/" + FILE));
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
