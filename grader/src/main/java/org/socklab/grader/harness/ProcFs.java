package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Linux's {@code /proc} says about another process: its threads, their CPU time, its thread
 * count, and the TCP ports it listens on. Read by the grader about a child JVM, so that nothing the
 * child could write is involved. Every reading is a fresh look; a process or thread that vanished
 * meanwhile simply counts no more.
 *
 * <p>Stateless and thread-safe.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");
    /** USER_HZ: the unit of utime and stime; 100 on every Linux architecture a JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

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

    /** The local ports of the TCP sockets in state LISTEN that this process holds open. */
    static Set<Integer> listeningPorts(long pid) {
        Set<Long> inodes = socketInodes(pid);
        Set<Integer> ports = new HashSet<>();
        if (inodes.isEmpty()) {
            return ports;
        }
        for (String table : List.of("tcp", "tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(pid + "/net/" + table))) {
                    String[] fields = line.strip().split("\\s+");
                    // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                    if (fields.length > 9 && fields[3].equals("0A") && inodes.contains(parseLong(fields[9]))) {
                        String local = fields[1];
                        ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6), or the process is gone
            }
        }
        return ports;
    }

    private static Set<Long> socketInodes(long pid) {
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

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
