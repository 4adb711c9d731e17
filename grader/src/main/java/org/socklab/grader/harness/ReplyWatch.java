package org.socklab.grader.harness;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Tells "never" from "slow" while a test waits for a reply its server owes: the wait ends early,
 * as if its deadline had passed (same verdict, same feedback), once the server cannot send it:
 * every thread of the server has waited, for {@link #PROOF} on end, for something only another
 * thread or a client can bring ({@link ServerProbe#blockedForGood()}), without using any CPU.
 * A server that runs, sleeps, waits with a timeout or moves bytes is only slow: its reply is
 * waited for up to the read's deadline, which stays the hard bound.
 *
 * <p>Only a wait on a graded test's own thread is watched ({@link FloorMeter#onTestThread()}):
 * while that thread waits, no test step can release the server, whereas a reader on another
 * thread (a chat member's transcript) waits for whatever the test does next. A sequential server
 * held by a stalled client, or a lock never released, so costs about {@link #PROOF} instead of a
 * read's deadline. The proof counts only while this JVM keeps looking on time: under a pause of
 * the grader's own JVM (a collection, a starved CPU on a loaded machine) a server in it does not
 * move either, and that is no sign that it cannot.
 *
 * <p>Not thread-safe: one per wait, on the waiting thread.
 */
final class ReplyWatch {
    /** How often a watched wait looks at the server. */
    static final Duration LOOK = Duration.ofMillis(250);
    /** How long the server must stay blocked and unmoved before the reply is given up. */
    static final Duration PROOF = Duration.ofSeconds(1);

    /** A look further than this from the previous one shows the grader was held up, not the server. */
    private static final Duration LATE = LOOK.multipliedBy(3);

    private static final ReplyWatch NONE = new ReplyWatch(null);

    private final ServerProbe server;
    private long mark;
    private long since = -1;
    private long lastLook = -1;
    private Duration lastCpu;

    private ReplyWatch(ServerProbe server) {
        this.server = server;
    }

    /** A watch of a wait for a reply {@code server} owes; one that never ends a wait early off a test's thread. */
    static ReplyWatch of(ServerProbe server) {
        return server != null && FloorMeter.onTestThread() ? new ReplyWatch(server) : NONE;
    }

    /** A watch that never ends a wait early: a window, where nothing is owed. */
    static ReplyWatch none() {
        return NONE;
    }

    boolean active() {
        return server != null;
    }

    /**
     * Whether the server has used CPU since the last time this was asked (the first time: yes,
     * nothing is known yet): a server that still computes is slow, not stuck. False where the probe
     * cannot tell.
     */
    boolean busy() {
        if (server == null) {
            return false;
        }
        Duration cpu;
        try {
            cpu = server.cpuTime();
        } catch (RuntimeException e) {
            return false;
        }
        boolean moved = lastCpu == null || cpu.compareTo(lastCpu) > 0;
        lastCpu = cpu;
        return moved;
    }

    /** After a {@link #LOOK} with nothing read: whether the server has stayed blocked and unmoved for {@link #PROOF}. */
    boolean cannotReply() {
        if (server == null) {
            return false;
        }
        OptionalLong now;
        try {
            now = server.blockedForGood();
        } catch (RuntimeException e) {
            now = OptionalLong.empty();
        }
        long time = System.nanoTime();
        boolean late = lastLook >= 0 && time - lastLook > LATE.toNanos();
        lastLook = time;
        if (now.isEmpty() || late) {
            // a look that came late means this JVM itself was held up (a pause, a starved CPU):
            // a server that did not move meanwhile proves nothing, so the proof starts over
            since = -1;
            return false;
        }
        if (since < 0 || now.getAsLong() != mark) {
            mark = now.getAsLong();
            since = time;
            return false;
        }
        return time - since >= PROOF.toNanos();
    }
}
