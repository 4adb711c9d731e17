package org.socklab.grader.harness;

import java.time.Duration;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The check that a server lets go of clients that leave without a whole line: one closes having
 * sent nothing, one closes after half a line, and one resets the connection after half a line. A
 * handler that goes on calling {@code readLine()} after it returned {@code null} (end of stream)
 * spins forever, burning a core; a correct one ends. Once the server has shown that it still
 * answers, it must use no CPU: a correct server's CPU time stays still for a {@link Waits#WINDOW};
 * a spinning handler's keeps growing, however crowded the machine, until it passes the limit.
 *
 * <p>A server that already burns CPU before anyone leaves (a polling thread) is left to the
 * exercise's idle checks: this one cannot tell its handlers apart. CPU time, not the thread
 * count, is what is judged: a server with a pool keeps its idle
 * threads alive, and is right to. Used by a test's thread; stateless.
 */
public final class Departures {
    /** The CPU an idle server may use in the window, as in the other idle checks (a correct one uses none). */
    public static final Duration IDLE_CPU_LIMIT = Duration.ofMillis(25);
    /** The observation, in each exercise's bundle: CPU used (ms), window (ms), limit (ms), the half line. */
    public static final String KEY = "idle.afterDepartures";

    private Departures() {}

    /**
     * Lets three clients leave without a whole line, then requires the server idle.
     *
     * @param halfLine what two of the clients send before they leave (no line end)
     * @param withReset whether a third client resets its connection (an exercise whose suite already
     *     judges resets elsewhere leaves it out, so that a server a reset kills loses that test only)
     * @param stillAnswers a request the server must answer (on a connection of its own), made once
     *     the clients have left
     * @param bundle the exercise's messages, where {@value #KEY} is defined
     * @throws GradedFailure if the server burns CPU once the clients have left
     */
    public static void requireIdleAfterClientsLeave(
            RunningServer server, String halfLine, boolean withReset, Runnable stillAnswers, MessageBundle bundle) {
        // (a server that has already ended fails at the first client, with its reason: no window for it)
        if (server.diagnosis().isEmpty() && !stillAfter(server.probe(), Waits.WINDOW)) {
            return; // it burns CPU before anyone left (a polling thread): the idle checks judge that
        }
        server.connect().close();
        server.connect().send(halfLine).close();
        if (withReset) {
            server.connect().send(halfLine).reset();
        }
        stillAnswers.run(); // accepted after the others: their handlers have seen them leave, or will

        ServerProbe probe = server.probe();
        Duration before = probe.cpuTime();
        long start = System.nanoTime();
        Duration last = before;
        // One window for an idle server, whose CPU time does not move at all; while it moves, the
        // watch goes on (a spinning thread on a crowded machine gets a small share of a core, but
        // never stops), until it passes the limit or the deadline.
        while (System.nanoTime() - start < Waits.EVENTUALLY.toNanos()) {
            Waits.pause(Waits.WINDOW);
            Duration now = probe.cpuTime();
            Duration used = now.minus(before);
            if (used.compareTo(IDLE_CPU_LIMIT) > 0) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                throw new GradedFailure(Feedback.of(
                        bundle, KEY, used.toMillis(), elapsed.toMillis(), IDLE_CPU_LIMIT.toMillis(), halfLine));
            }
            if (now.equals(last)) {
                return;
            }
            last = now;
        }
    }

    /** Whether the server's CPU time stays within the limit for the window. */
    private static boolean stillAfter(ServerProbe probe, Duration window) {
        Duration before = probe.cpuTime();
        Waits.pause(window);
        return probe.cpuTime().minus(before).compareTo(IDLE_CPU_LIMIT) <= 0;
    }
}
