package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How many bytes a server has not read yet from one of its connections, as the kernel counts them
 * ({@code rx_queue} of the server's socket in {@code /proc/net/tcp} and {@code /proc/net/tcp6}, on
 * Linux). It is what makes a piecewise write deterministic: the next piece is sent only once the
 * server has read every byte of the previous one, so the pieces reach the server's code in as many
 * reads, whatever the load, and a server that takes one read for one line is caught every time.
 * The same view works for a server in this JVM and in a child JVM, since both share the machine's
 * network stack.
 *
 * <p>Stateless and thread-safe.
 */
final class ReceiveQueue {
    /**
     * IPv6 first: Java's sockets are dual-stack, so a loopback connection is in {@code tcp6}; each
     * read costs 1 to 4 ms of kernel time whatever the table holds, so the other is read only when
     * the connection is not found there.
     */
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp6"), Path.of("/proc/net/tcp"));

    private static final Duration FIRST_POLL = Duration.ofMillis(1);
    private static final Duration LAST_POLL = Duration.ofMillis(8);

    private ReceiveQueue() {}

    /**
     * Waits until the server has read everything sent on the connection between the two ports.
     *
     * @return false if that did not happen within {@code max}, or cannot be seen on this system
     */
    static boolean awaitDrained(int serverPort, int clientPort, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        long poll = FIRST_POLL.toNanos();
        while (true) {
            OptionalLong unread = unread(serverPort, clientPort);
            if (unread.isEmpty()) {
                return false;
            }
            if (unread.getAsLong() == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(poll);
            poll = Math.min(poll * 2, LAST_POLL.toNanos()); // a server that is slow to read costs fewer scans
        }
    }

    /** The bytes queued for the server's socket of that connection, or empty if it is not found. */
    static OptionalLong unread(int serverPort, int clientPort) {
        String server = portField(serverPort);
        String client = portField(clientPort);
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                OptionalLong found =
                        unread(new String(Files.readAllBytes(table), StandardCharsets.ISO_8859_1), server, client);
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty(); // a table we cannot read: the caller falls back on pacing
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The {@code rx_queue} of the line whose local address ends with {@code server} and whose
     * remote address, the next field, ends with {@code client}; found by searching the table's text
     * for the server's port rather than splitting it into lines (it holds thousands after a load
     * test, and is read every few milliseconds while a client sends in pieces). A port field is
     * {@code :XXXX} and ends an address; no other field holds a colon followed by four characters
     * and a space.
     */
    static OptionalLong unread(String text, String server, String client) {
        for (int at = text.indexOf(server); at >= 0; at = text.indexOf(server, at + 1)) {
            int remoteEnd = text.indexOf(' ', at + server.length());
            if (remoteEnd < 0) {
                break;
            }
            if (!text.startsWith(client, remoteEnd - client.length() + 1)) {
                continue;
            }
            int state = skipSpaces(text, remoteEnd);
            int queues = skipSpaces(text, text.indexOf(' ', state));
            int colon = text.indexOf(':', queues);
            int end = text.indexOf(' ', colon);
            if (state < 0 || queues < 0 || colon < 0 || end < 0) {
                break;
            }
            return OptionalLong.of(Long.parseLong(text, colon + 1, end, 16));
        }
        return OptionalLong.empty();
    }

    /** How a port ends an address field of the tables, with the space after it: {@code ":1F90 "}. */
    static String portField(int port) {
        return ":" + HexFormat.of().withUpperCase().toHexDigits((short) port) + " ";
    }

    private static int skipSpaces(String text, int from) {
        if (from < 0) {
            return -1;
        }
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() ? i : -1;
    }
}
