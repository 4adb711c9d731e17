package org.socklab.grader.chat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.socklab.grader.harness.ServerProbe;
import org.socklab.grader.harness.ThreadSnapshot;
import org.socklab.grader.harness.Waits;

/**
 * The broadcast storm of the leaving test: one member sends long numbered lines from a thread of
 * its own, never more than {@value #AHEAD} lines ahead of what a listening member has received,
 * until every line is sent or the test stops it.
 *
 * <p>Pacing on what was delivered, not on time, keeps the data in flight small once the server is
 * held up by a client that does not read, so the rest of the test is quick.
 *
 * <p>How long the test waits for the sending thread to end is {@link Chat#awaitEnd}'s business.
 * The waits below are heuristics that only decide <em>when</em> the test acts, so that a
 * race in the server shows up every time: they give up quietly after their deadline, and a correct
 * server passes whatever they decide.
 *
 * <p>Thread-safe: the sending thread and the test's thread share only atomic and volatile state.
 */
final class Storm {
    /** Enough bytes to fill the server's send buffer to a client that does not read, several times over. */
    static final int LINES = 512;

    static final int LENGTH = 16 * 1024;
    private static final int AHEAD = 32;
    private static final Duration PACING_STEP = Duration.ofMillis(50);
    /** How long nothing must move before the server counts as held up. */
    private static final Duration QUIET = Duration.ofMillis(300);

    private static final Duration SETTLED = Duration.ofMillis(150);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final Duration HELD_UP_DEADLINE = Duration.ofSeconds(10);
    private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(2);
    private static final Duration JOINER_DEADLINE = Duration.ofSeconds(5);

    private final Member sender;
    private final Transcript pacer;
    private final int pacerStart;
    private final AtomicInteger sent = new AtomicInteger();
    private final CompletableFuture<Integer> finished = new CompletableFuture<>();
    private volatile boolean stopped;

    private Storm(Member sender, Transcript pacer) {
        this.sender = sender;
        this.pacer = pacer;
        this.pacerStart = pacer.size();
    }

    /** Starts sending; {@code pacer} is a member that receives every line and always reads. */
    static Storm start(Member sender, Member pacer) {
        Storm storm = new Storm(sender, pacer.heard());
        Thread thread = new Thread(storm::run, "socklab-chat-storm");
        thread.setDaemon(true);
        thread.start();
        return storm;
    }

    /** Line {@code index} (from 0) of the storm: numbered, {@value #LENGTH} characters. */
    static String line(int index) {
        String head = String.format("storm %04d ", index);
        return head + String.valueOf((char) ('a' + index % 26)).repeat(LENGTH - head.length());
    }

    private void run() {
        try {
            for (int i = 0; i < LINES && !stopped; i++) {
                while (!stopped && pacer.size() - pacerStart < i - AHEAD && !pacer.ended()) {
                    pacer.awaitSize(pacerStart + i - AHEAD, PACING_STEP);
                }
                if (stopped) {
                    break;
                }
                String line = line(i);
                sender.send((line + "\n").getBytes(StandardCharsets.UTF_8), line);
                sent.incrementAndGet();
            }
            finished.complete(sent.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished.completeExceptionally(e);
        } catch (RuntimeException | Error e) {
            finished.completeExceptionally(e);
        }
    }

    /**
     * Waits until the storm is held up, that is, the listener has received nothing new and the
     * server has burned no CPU for {@link #QUIET} while lines are on their way: the server is
     * blocked writing to the client that does not read. Also returns when the listener has
     * received every line (a server that queues lines per client is never held up), and after a
     * deadline in any case.
     */
    void awaitHeldUpOrDelivered(ServerProbe probe) {
        long deadline = System.nanoTime() + HELD_UP_DEADLINE.toNanos();
        int lastHeard = -1;
        Duration lastCpu = Duration.ZERO;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline && !finished.isDone()) {
            int heard = pacer.size() - pacerStart;
            Duration cpu = probe.cpuTime();
            if (heard >= LINES || pacer.ended()) {
                return;
            }
            if (heard != lastHeard || !cpu.equals(lastCpu)) {
                lastHeard = heard;
                lastCpu = cpu;
                quietSince = System.nanoTime();
            } else if (sent.get() > heard && System.nanoTime() - quietSince >= QUIET.toNanos()) {
                Waits.windowPassed(quietSince, QUIET); // the stillness waited through: part of the floor
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /**
     * After a client was told something (its CPU time was {@code before}), waits until the server
     * has used some CPU and then none for {@link #SETTLED}: it has handled what it was told as
     * far as it can, for example a {@code :bye} whose handler is now waiting for a lock. A server
     * whose CPU time shows no change at all for {@link #QUIET} counts as settled too: a server in
     * a child JVM is read from {@code /proc} in 10 ms ticks, which a {@code :bye} seldom fills, and
     * waiting the whole {@link #SETTLE_DEADLINE} for a change that cannot show would be a blind
     * wait. Returning early can only let a race go unseen, never fail a correct server.
     */
    static void awaitSettled(ServerProbe probe, Duration before) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        Duration last = before;
        long stableSince = System.nanoTime();
        boolean moved = false;
        while (System.nanoTime() < deadline) {
            Duration cpu = probe.cpuTime();
            if (!cpu.equals(last)) {
                moved = true;
                last = cpu;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince >= (moved ? SETTLED : QUIET).toNanos()) {
                Waits.windowPassed(stableSince, moved ? SETTLED : QUIET);
                return;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /**
     * After a newcomer connected (the server had {@code threadsBefore} live threads and had used
     * {@code cpuBefore}), waits until its handler is there and waiting: a thread more than before,
     * and, where the probe shows threads, none of them running Java code (each blocked on a lock,
     * parked, or in a native call such as a socket read or write); then as {@link #awaitSettled}.
     * Under load a new thread may not run for a while, and a quiet CPU alone would then be taken
     * for a handler already waiting for the room. A heuristic about when to act, like the others:
     * it gives up quietly after {@link #JOINER_DEADLINE}.
     */
    static void awaitJoinerWaiting(ServerProbe probe, int threadsBefore, Duration cpuBefore) {
        long deadline = System.nanoTime() + JOINER_DEADLINE.toNanos();
        while (probe.liveThreads() <= threadsBefore && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
        while (!probe.threads().map(Storm::allWaiting).orElse(true) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL.toNanos());
        }
        awaitSettled(probe, cpuBefore);
    }

    private static boolean allWaiting(List<ThreadSnapshot> threads) {
        for (ThreadSnapshot thread : threads) {
            boolean inNative =
                    !thread.stack().isEmpty() && thread.stack().get(0).isNativeMethod();
            if (thread.state() == Thread.State.RUNNABLE && !inNative) {
                return false;
            }
        }
        return true;
    }

    /** Stops sending after the line being sent, if any. */
    void stop() {
        stopped = true;
    }

    /** Whether the sending thread has ended, whichever way. */
    boolean done() {
        return finished.isDone();
    }

    /** How many lines were sent so far. */
    int sent() {
        return sent.get();
    }

    /** Whether sending ended because a write failed or has not ended at all. */
    boolean broke() {
        return !finished.isDone() || finished.isCompletedExceptionally();
    }
}
