package org.socklab.grader.harness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * A buffered socket stream that hands over the bytes it already holds up to the end of a line in
 * one copy. {@link LineClient} reads the first byte of a chunk with its timeouts and its watch of
 * the server, and the rest of the chunk from here: a reply of a mebibyte costs a copy, not a
 * million timed reads.
 *
 * <p>Not thread-safe beyond what {@link BufferedInputStream} offers: one reader at a time.
 */
final class LineInput extends BufferedInputStream {
    LineInput(InputStream in, int size) {
        super(in, size);
    }

    /**
     * Appends to {@code line} the bytes buffered now, up to the first newline; consumes that
     * newline and returns true if it was buffered, else returns false with the buffer emptied.
     * Never reads from the socket.
     */
    synchronized boolean appendBufferedLine(ByteArrayOutputStream line) {
        int end = pos;
        while (end < count && buf[end] != '\n') {
            end++;
        }
        line.write(buf, pos, end - pos);
        boolean newline = end < count;
        pos = newline ? end + 1 : end;
        return newline;
    }
}
