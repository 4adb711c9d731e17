package org.socklab.grader.chat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.socklab.grader.feedback.NotApplicable;
import org.socklab.grader.harness.ServerProbe;
import org.socklab.grader.harness.Waits;

/**
 * How long a chat test waits for something the server owes: as long as the server makes progress,
 * and no longer than needed once it cannot. A fixed deadline tells "slow" from "never" badly both
 * ways: a loaded machine can miss it while lines are still flowing, and a buggy server that will
 * never answer pays it in full.
 *
 * <p>So a wait ends
 * <ul>
 *   <li>as soon as its condition holds;</li>
 *   <li>early, with the same verdict as a timeout, once the server has been still for
 *       {@link #HOPELESS}: no client of the room received a line or lost its connection, the
 *       server burned no CPU, and every one of its threads waits for something from outside (a
 *       socket read or accept, a queue or a condition without a timeout; see {@link Idle}).
 *       Nothing in a chat server is driven by time, so a server in that state will not send what
 *       is owed. A thread in a timed wait (a sleep, a poll with a timeout) wakes up by itself: it
 *       is not still. Where
 *       neither the stacks nor the system calls can be read, this rule never applies;</li>
 *   <li>{@link Waits#EVENTUALLY} after the last sign of progress (a line received anywhere in the
 *       room, a connection ended, CPU burned), and after {@link #CAP} in any case, below the
 *       per-test bound.</li>
 * </ul>
 * A correct server passes whatever the load: while it works the wait goes on. Stateless.
 */
final class Patience {
    /** How long the server must be still before what it owes counts as never coming. */
    static final Duration HOPELESS = Duration.ofSeconds(2);
    /** The bound of one wait however long the server keeps making progress. */
    static final Duration CAP = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(20);
    /** A look this long after the previous one shows the grader was held up, not the server. */
    private static final Duration LATE = Duration.ofMillis(250);

    private Patience() {}

    /** What the room shows of its progress: a number that changes whenever something reaches a client. */
    @FunctionalInterface
    interface Activity {
        long now();
    }

    /**
     * Waits until {@code done} holds; returns false if it did not, by the rules above.
     * {@code pause} waits for at most the duration given, and may return early when something
     * arrives (a transcript's own wait), so that quick answers are seen at once.
     */
    static boolean await(BooleanSupplier done, ServerProbe probe, Activity room, Pause pause)
            throws InterruptedException {
        long start = System.nanoTime();
        long lastProgress = start;
        long activity = room.now();
        Duration cpu = cpuTime(probe);
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - start > CAP.toNanos() || now - lastProgress > Waits.EVENTUALLY.toNanos()) {
                return done.getAsBoolean();
            }
            long looked = now;
            pause.pause(POLL);
            long newActivity = room.now();
            Duration newCpu = cpuTime(probe);
            now = System.nanoTime();
            if (now - looked > LATE.toNanos()) {
                lastProgress = now; // this JVM was held up (a pause, a starved CPU): no sign either way
            } else if (newActivity != activity || !newCpu.equals(cpu)) {
                activity = newActivity;
                cpu = newCpu;
                lastProgress = now;
            } else if (now - lastProgress >= HOPELESS.toNanos() && still(probe)) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /** A short wait that a caller may end early. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration max) throws InterruptedException;
    }

    /**
     * The server's CPU time, or zero where the probe cannot tell (no {@code /proc}): the wait then
     * goes by the room's lines alone, and never ends early, since no thread shows either.
     */
    static Duration cpuTime(ServerProbe probe) {
        try {
            return probe.cpuTime();
        } catch (NotApplicable e) {
            return Duration.ZERO;
        }
    }

    /** A plain sleep: for conditions no transcript wakes up. */
    static void sleep(Duration max) {
        LockSupport.parkNanos(max.toNanos());
    }

    /**
     * Whether the server's threads are all blocked for good: none in a timed wait (a sleep, a poll
     * with a timeout), since such a thread wakes up by itself and may then act. Judged from the
     * stacks where the probe shows them (a server in this JVM), else from the system calls the
     * threads wait in ({@link ServerProbe#blockedForGood()}: a server in a child JVM).
     */
    static boolean still(ServerProbe probe) {
        return probe.threads()
                .map(threads -> Idle.idle(threads)
                        && threads.stream().noneMatch(thread -> thread.state() == Thread.State.TIMED_WAITING))
                .orElseGet(() -> probe.blockedForGood().isPresent());
    }
}
