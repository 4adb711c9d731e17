package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Linux's {@code /proc} says about another process: its threads, their CPU time, its thread
 * count, its sockets and which of them listen. Read by the grader about a child JVM, so that nothing the
 * child could write is involved. Every reading is a fresh look; a process or thread that vanished
 * meanwhile simply counts no more.
 *
 * <p>Stateless and thread-safe.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");
    /** USER_HZ: the unit of utime and stime; 100 on every Linux architecture a JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;
    /** The TCP tables, IPv6 first: Java's sockets are dual-stack, so most of them are there. */
    static final List<String> TCP_TABLES = List.of("tcp6", "tcp");

    /** The state LISTEN in {@code /proc/net/tcp}. */
    private static final String LISTEN = "0A";

    private ProcFs() {}

    /** Whether this system has a Linux {@code /proc} to read. */
    static boolean available() {
        return Files.isReadable(PROC.resolve("self/status"));
    }

    /** The ids of the process's threads now; empty if it is gone. */
    static Set<Long> threads(long pid) {
        Set<Long> ids = new HashSet<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(pid + "/task"))) {
            for (Path task : tasks) {
                ids.add(Long.parseLong(task.getFileName().toString()));
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone
        }
        return ids;
    }

    /** The CPU time (user and system) a thread has consumed, zero if it is gone. */
    static Duration cpuTime(long pid, long thread) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/task/" + thread + "/stat"));
            // the name, in parentheses, may itself hold spaces and parentheses: fields start after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Duration.ZERO;
        }
    }

    /** The process's thread count from {@code /proc/<pid>/status}, or 0 if it is gone. */
    static int threadCount(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.substring("Threads:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** The inodes of the sockets the process holds open now; empty if it is gone. */
    static Set<Long> socketInodes(long pid) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve(pid + "/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException | RuntimeException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return inodes;
    }

    /** Which network namespace the process is in (processes in one share one TCP table); empty if gone. */
    static String netNamespace(long pid) {
        try {
            return Files.readSymbolicLink(PROC.resolve(pid + "/ns/net")).toString();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /**
     * The open TCP sockets (by inode) that the table of the process's network namespace shows
     * ({@code tcp6} or {@code tcp}, see {@link #TCP_TABLES}): whether each listens, and its local port; sockets in TIME_WAIT (inode 0),
     * which no process holds, are left out. Parsed field by
     * field, without regular expressions: a table holds every socket of the namespace (thousands
     * in TIME_WAIT after a load test), and is read at most once per watchdog tick.
     */
    static Map<Long, TcpSocket> tcpSockets(long pid, String table) {
        Map<Long, TcpSocket> found = new HashMap<>();
        try {
            String text = Files.readString(PROC.resolve(pid + "/net/" + table), StandardCharsets.US_ASCII);
            int lineStart = text.indexOf('\n') + 1; // after the header
            while (lineStart > 0 && lineStart < text.length()) {
                int lineEnd = text.indexOf('\n', lineStart);
                if (lineEnd < 0) {
                    lineEnd = text.length();
                }
                parse(text, lineStart, lineEnd, found);
                lineStart = lineEnd + 1;
            }
        } catch (IOException | RuntimeException e) {
            // no such table (no IPv6), or the process is gone
        }
        return found;
    }

    /**
     * The inodes of the Unix sockets in the tables of the process's network namespace; empty if it
     * is gone. A cheap read (the table is a short list), unlike the TCP tables.
     */
    static Set<Long> unixSockets(long pid) {
        Set<Long> inodes = new HashSet<>();
        try {
            // Num RefCount Protocol Flags Type St Inode [Path]; the header's "Inode" parses to -1
            for (String line : Files.readAllLines(PROC.resolve(pid + "/net/unix"), StandardCharsets.US_ASCII)) {
                long inode = parseLong(field(line, 6));
                if (inode > 0) {
                    inodes.add(inode);
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return inodes;
    }

    /** One line: {@code sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...}. */
    private static void parse(String text, int from, int to, Map<Long, TcpSocket> found) {
        String local = null;
        String state = null;
        int field = 0;
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < to && text.charAt(i) != ' ') {
                i++;
            }
            if (start == i) {
                return;
            }
            switch (field++) {
                case 1 -> local = text.substring(start, i);
                case 3 -> state = text.substring(start, i);
                case 9 -> {
                    long inode = parseLong(text.substring(start, i));
                    if (inode > 0 && local != null) {
                        int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
                        found.put(inode, new TcpSocket(LISTEN.equals(state), port));
                    }
                    return;
                }
                default -> {
                    // a field not needed
                }
            }
        }
    }

    /** The field at {@code index} (from 0) of a line of space-separated fields, or "" if it has fewer. */
    private static String field(String line, int index) {
        int i = 0;
        for (int field = 0; i < line.length(); field++) {
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < line.length() && line.charAt(i) != ' ') {
                i++;
            }
            if (field == index) {
                return line.substring(start, i);
            }
        }
        return "";
    }

    /** A TCP socket of a table: whether it listens, and its local port. */
    record TcpSocket(boolean listening, int port) {}

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
