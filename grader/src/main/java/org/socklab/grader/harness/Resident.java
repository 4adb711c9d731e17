package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of a process, from Linux's {@code /proc/<pid>/statm}: what it really uses,
 * heap, native allocations and thread stacks together, which no JVM flag bounds.
 *
 * <p>Stateless and thread-safe.
 */
final class Resident {
    /** The page size of every Linux a grader runs on (x86-64, and arm64 as configured by Debian and Ubuntu). */
    private static final long PAGE = 4096;

    private Resident() {}

    /** The process's resident memory in bytes; 0 if it is gone or this is not Linux. */
    static long bytes(long pid) {
        try {
            String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "statm"))
                    .split(" ");
            return Long.parseLong(fields[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
