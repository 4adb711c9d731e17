package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        // both ports as they end an address field ("0100007F:1F90 "): only a line with both is parsed
        String server = String.format(":%04X ", serverPort);
        String client = String.format(":%04X ", clientPort);
        for (Path table : TABLES) {
            if (!Files.isReadable(table)) {
                continue;
            }
            try {
                String text = new String(Files.readAllBytes(table), StandardCharsets.US_ASCII);
                for (String line : text.split("\n")) {
                    if (line.contains(server) && line.contains(client)) {
                        String[] fields = line.trim().split(" +");
                        if (fields.length > 4 && port(fields[1]) == serverPort && port(fields[2]) == clientPort) {
                            return OptionalLong.of(Long.parseLong(fields[4].substring(fields[4].indexOf(':') + 1), 16));
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty(); // a table we cannot read: the caller falls back on pacing
            }
        }
        return OptionalLong.empty();
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
