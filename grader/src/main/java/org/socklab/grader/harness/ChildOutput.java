package org.socklab.grader.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the output of students' servers in child JVMs goes: a file (the configuration parameter
 * {@value ServerExtension#CHILD_OUTPUT}), each line prefixed with its exercise, cut off after
 * {@link #LIMIT} characters so that a server printing in a loop cannot fill a disk; or nowhere.
 *
 * <p>It is a log for a person, never read back by the grader. Thread-safe.
 */
final class ChildOutput implements AutoCloseable {
    static final long LIMIT = 1 << 20;

    private final Writer file;
    private long written;
    private boolean truncated;

    private ChildOutput(Writer file) {
        this.file = file;
    }

    static ChildOutput discarded() {
        return new ChildOutput(null);
    }

    static ChildOutput to(Path path) {
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            return new ChildOutput(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new IllegalArgumentException(ServerExtension.CHILD_OUTPUT + ": cannot write " + path, e);
        }
    }

    synchronized void line(String source, String line) {
        if (file == null || truncated) {
            return;
        }
        try {
            if (written + line.length() > LIMIT) {
                truncated = true;
                file.write("[socklab] output cut off after " + LIMIT + " characters\n");
            } else {
                file.write("[" + source + "] " + line + "\n");
                written += line.length();
            }
            file.flush();
        } catch (IOException ignored) {
            // a log: losing it must not fail grading
        }
    }

    @Override
    public synchronized void close() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
