package org.socklab.grader.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.socklab.grader.child.BoundedLineReader;

/**
 * Where the standard output and error of child JVMs go: a file (the configuration parameter
 * {@value ServerExtension#CHILD_OUTPUT}), each line prefixed with its source, or nowhere. What a
 * student's code prints is data, never a message to the grader, and it is kept harmless: each line
 * is cut at {@value #LINE_LIMIT} bytes (the rest of a longer line is read and dropped, so an endless
 * line costs no memory), the file at {@link #LIMIT} characters (so printing in a loop cannot fill a
 * disk), and control characters are written escaped ({@code \u001b} for ESC, and so on), so that
 * no raw escape sequence reaches the terminal of whoever reads the log.
 *
 * <p>Thread-safe.
 */
final class ChildOutput implements AutoCloseable {
    static final long LIMIT = 1 << 20;
    static final int LINE_LIMIT = 8192;

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
            return new ChildOutput(Files.newBufferedWriter(
                    path,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new IllegalArgumentException(ServerExtension.CHILD_OUTPUT + ": cannot write " + path, e);
        }
    }

    /**
     * Reads the stream to its end on a daemon thread of its own, line by line into {@code output}.
     * Reading goes on past the caps (into nothing), so that a child that prints is never blocked
     * on a full pipe.
     */
    static void capture(InputStream stream, ChildOutput output, String source) {
        Thread reader = new Thread(
                () -> {
                    BoundedLineReader lines = new BoundedLineReader(stream, LINE_LIMIT);
                    try (stream) {
                        String line;
                        while ((line = lines.next()) != null) {
                            output.line(source, lines.wasCut() ? line + " [cut]" : line);
                        }
                    } catch (IOException | RuntimeException e) {
                        // the child is gone
                    }
                },
                "socklab-child-output-" + source);
        reader.setDaemon(true);
        reader.start();
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
                file.write("[" + source + "] " + escaped(line) + "\n");
                written += line.length();
            }
            file.flush();
        } catch (IOException ignored) {
            // a log: losing it must not fail grading
        }
    }

    /** The line with every control character (C0, DEL, C1) written as {@code \\uXXXX}; a tab stays. */
    static String escaped(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && out == null) {
                out = new StringBuilder(line.length() + 16).append(line, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? line : out.toString();
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
