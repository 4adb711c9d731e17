package org.socklab.grader.chat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.socklab.grader.harness.ServerProbe;
import org.socklab.grader.harness.ThreadSnapshot;

/**
 * Waits, briefly, until every thread of the server is blocked: in a socket read or accept, or
 * waiting on a queue, a lock condition or a sleep. The chat tests call it before a client joins or
 * leaves. A client sees that a broadcast reached it, but not that the broadcasting thread has
 * left its loop over the list, and in a server whose list is not guarded a join or a leave in that
 * window (a thread preempted just after its last write) throws ConcurrentModificationException;
 * waiting until the server is idle closes the window, so such a server fails the same tests in
 * every run instead of a few more by chance.
 *
 * <p>Only a heuristic about <em>when</em> to act: it gives up quietly after {@link #PATIENCE}
 * (a busy server, threads the probe cannot see), and a correct server passes whatever it decides.
 * Thread-safe: each call reads the probe afresh.
 * Stateless.
 */
final class Idle {
    static final Duration PATIENCE = Duration.ofMillis(500);
    private static final Duration POLL = Duration.ofMillis(2);
    /** Native methods in which a thread waits for something outside it, JDK 17 to 25. */
    private static final Set<String> BLOCKING = Set.of(
            "read0",
            "readv0",
            "accept",
            "accept0",
            "poll",
            "poll0",
            "park",
            "wait",
            "wait0",
            "sleep",
            "sleep0",
            "socketRead0",
            "socketAccept",
            "epollWait");

    private Idle() {}

    /** Waits until the server is idle; false if it did not look idle within {@link #PATIENCE}. */
    static boolean await(ServerProbe probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!idle(probe)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return true;
    }

    /**
     * Whether the server looks idle: from its stacks where the probe shows them (a server in this
     * JVM), else from the system calls its threads wait in (a server in a child JVM, where a
     * sleeping thread does not count as idle; one with no thread left does).
     */
    static boolean idle(ServerProbe probe) {
        return probe.threads()
                .map(Idle::idle)
                .orElseGet(() -> probe.blockedForGood().isPresent());
    }

    /** Whether every one of the threads is blocked waiting for something outside it. */
    static boolean idle(List<ThreadSnapshot> threads) {
        for (ThreadSnapshot thread : threads) {
            List<StackTraceElement> stack = thread.stack();
            if (stack.isEmpty()
                    || !stack.get(0).isNativeMethod()
                    || !BLOCKING.contains(stack.get(0).getMethodName())) {
                return false;
            }
        }
        return true;
    }
}
