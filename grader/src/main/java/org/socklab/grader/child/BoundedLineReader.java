package org.socklab.grader.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code \n}-ended lines of at most a given number of bytes from a stream that the grader
 * does not trust (a child's standard output or error, its control socket): a longer line is cut
 * at the cap and the rest of it is skipped, so that no amount of bytes without an end of line
 * costs more memory than the cap. It uses the JDK only, since the child hosts use it too.
 *
 * <p>Not thread-safe: one reader thread per stream.
 */
public final class BoundedLineReader {
    private final InputStream in;
    private final int cap;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int next;
    private int end;
    private boolean cut;

    public BoundedLineReader(InputStream in, int cap) {
        this.in = in;
        this.cap = cap;
    }

    /**
     * The next line, without its {@code \n}, cut at the cap; {@code null} at the end of the
     * stream (a last line without {@code \n} is returned first).
     */
    public String next() throws IOException {
        line.reset();
        cut = false;
        while (true) {
            if (next == end) {
                end = in.read(buffer);
                next = 0;
                if (end < 0) {
                    end = 0;
                    return line.size() > 0 || cut ? text() : null;
                }
            }
            while (next < end) {
                byte b = buffer[next++];
                if (b == '\n') {
                    return text();
                }
                if (line.size() < cap) {
                    line.write(b);
                } else {
                    cut = true;
                }
            }
        }
    }

    /** Whether the line last returned was longer than the cap (and was cut). */
    public boolean wasCut() {
        return cut;
    }

    private String text() {
        return line.toString(StandardCharsets.UTF_8);
    }
}
