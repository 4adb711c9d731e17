package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Whether threads of another process wait for something only another thread or the network can
 * bring: a lock, a condition or a queue waited on with no timeout, a blocking read or accept. Such
 * a thread never acts again by itself; one that runs, sleeps, waits with a timeout, writes, or waits
 * in a way this class does not know may still act. Read from Linux's {@code /proc/<pid>/task/<tid>/
 * syscall} (the system call a thread is blocked in, and its arguments), which the grader can read
 * about its own descendants, and which nothing the child does can forge.
 *
 * <p>Knows the system calls of x86-64 and AArch64; elsewhere nothing is ever judged blocked.
 *
 * <p>Stateless and thread-safe.
 */
final class BlockedThreads {
    private static final Path PROC = Path.of("/proc");
    private static final Calls CALLS =
            Calls.of(System.getProperty("os.arch", "").toLowerCase(Locale.ROOT));
    /** {@code FUTEX_WAIT}, {@code FUTEX_LOCK_PI}, {@code FUTEX_WAIT_BITSET}, {@code FUTEX_WAIT_REQUEUE_PI}. */
    private static final Set<Long> FUTEX_WAITS = Set.of(0L, 6L, 9L, 11L);

    private static final long FUTEX_COMMAND = 0x7f;

    private BlockedThreads() {}

    /**
     * If every one of {@code threads} of process {@code pid} is blocked for good (see above), the
     * time they have spent on a CPU so far, in nanoseconds: while the threads stay so, it does not
     * change. With no thread at all, nothing can act: zero. Empty if one may still act, or if this
     * cannot be read.
     */
    static OptionalLong allBlocked(long pid, Set<Long> threads) {
        long ran = 0;
        for (long thread : threads) {
            Path task = PROC.resolve(pid + "/task/" + thread);
            try {
                if (!blocked(Files.readString(task.resolve("syscall")).strip())) {
                    return OptionalLong.empty();
                }
                ran += Long.parseLong(
                        Files.readString(task.resolve("schedstat")).strip().split(" ")[0]);
            } catch (IOException | RuntimeException e) {
                return OptionalLong.empty(); // gone, or not ours to read
            }
        }
        return OptionalLong.of(ran);
    }

    /** Whether a line of {@code /proc/.../syscall} ({@code NR ARG0 ... ARG5 SP PC}) is a wait for others. */
    static boolean blocked(String syscall) {
        String[] fields = syscall.split(" ");
        if (fields.length < 7 || CALLS == null) {
            return false; // "running", or "-1 SP PC": not in a system call
        }
        long number = Long.parseLong(fields[0]);
        long[] args = new long[6];
        for (int i = 0; i < 6; i++) {
            args[i] = Long.parseUnsignedLong(fields[i + 1].substring(2), 16);
        }
        return CALLS.blocked(number, args);
    }

    /** One architecture's numbers of the system calls that can wait for others. */
    private record Calls(
            Set<Long> alwaysUntimed,
            long futex,
            long poll,
            long epollWait,
            long epollPwait,
            long ppoll,
            long select,
            long pselect6) {
        static Calls of(String arch) {
            return switch (arch) {
                // read, readv, accept, recvfrom, recvmsg, accept4
                case "amd64", "x86_64" ->
                    new Calls(Set.of(0L, 19L, 43L, 45L, 47L, 288L), 202, 7, 232, 281, 271, 23, 270);
                // read, readv, accept, recvfrom, recvmsg, accept4 (no poll, epoll_wait or select)
                case "aarch64" -> new Calls(Set.of(63L, 65L, 202L, 207L, 212L, 242L), 98, -1, -1, 22, 73, -1, 72);
                default -> null;
            };
        }

        boolean blocked(long number, long[] args) {
            if (alwaysUntimed.contains(number)) {
                return true;
            }
            if (number == futex) {
                return FUTEX_WAITS.contains(args[1] & FUTEX_COMMAND) && args[3] == 0;
            }
            if (number == poll) {
                return (int) args[2] < 0;
            }
            if (number == epollWait || number == epollPwait) {
                return (int) args[3] < 0;
            }
            if (number == ppoll) {
                return args[2] == 0;
            }
            if (number == select || number == pselect6) {
                return args[4] == 0;
            }
            return false;
        }
    }
}
