package org.socklab.grader.bounded;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.ServerProbe;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.Waits;

/**
 * Exercise 3, bounded: one line upper-cased per connection, with at most N connections handled at
 * any moment, the others waiting without burning CPU.
 *
 * <p>The bound is proven without timing ratios. N clients send half a line and stall, so each holds
 * a handler for as long as the test wants; client N+1 sends a whole line; what must not happen
 * (a reply to N+1, CPU burnt, threads beyond N) is watched during one short {@link Waits#WINDOW},
 * and what must happen (N+1 served once a stalled client finishes) gets the usual generous
 * deadline. Stalled clients are always released by finishing their line, so that only the test
 * about clients that leave early depends on how a server treats them. Since clients connect one
 * after another and a listener's backlog is first in, first out, client N+1 is the one a bounded
 * server leaves waiting.
 *
 * <p>Thread counts come from the server's {@linkplain ServerProbe probe} and are compared with the
 * count when the server started plus N plus a small constant; a server whose handlers are virtual
 * threads reads low there, which an upper bound does not mind.
 *
 * <p>The test methods are public so that a template class in another package inherits them. Each
 * test uses its own server and runs on one thread.
 */
@GradedExercise(Exercise.BOUNDED)
public class BoundedTests {
    /** The bound of the tests that stall clients: small, so that N+1 takes few sockets. */
    private static final int BOUND = 2;
    /** The number of the client that comes when all N slots are taken. */
    private static final int EXTRA = BOUND + 1;
    /** The exercise's default bound, for the burst. */
    private static final int BURST_BOUND = 4;

    private static final int BURST_SIZE = 50;
    /** Bursts, and their size, of the test that looks for threads piling up. */
    private static final int PILE_BURSTS = 3;

    private static final int PILE_BURST_SIZE = 20;
    /** Stalled clients beyond N in that test: an unbounded server shows one thread each. */
    private static final int STALLED_BEYOND_BOUND = 8;
    /**
     * Live threads a correct server may have beyond those it had at start and its N handlers: a
     * separate accept thread, a handler that has freed its slot but not yet ended, ...
     */
    private static final int THREAD_SLACK = 3;
    /**
     * CPU time, as a share of the window, that the server may use while every client waits. A
     * server whose threads block measures below 0.001 (under 1 ms a second), however loaded the
     * machine. A loop polling {@code isAlive()} keeps a core busy (1.0) on an idle machine, but
     * gets only its fair share of a loaded one: 0.04 to 0.6 was measured on a 2-core machine with
     * a load average near 20. Hence a limit far above the first and below the second.
     */
    private static final double CPU_SHARE_LIMIT = 0.02;
    /**
     * How long the CPU check waits for the server to settle before it measures anyway: a correct
     * server gets there in milliseconds, a few hundred on a crowded machine; a busy wait never does.
     */
    private static final Duration SETTLE_DEADLINE = Duration.ofSeconds(2);

    private static final Duration SETTLE_POLL = Duration.ofMillis(20);

    @Test
    @Points(1)
    public void repliesToOneLineThenCloses(Servers servers) {
        try (LineClient client = servers.start(BOUND).connect()) {
            client.sendLine("olá, ação").expectLine("OLÁ, AÇÃO");
            client.expectClosed();
        }
    }

    @Test
    @Points(1)
    public void framesALineSentInPieces(Servers servers) {
        try (LineClient client = servers.start(BOUND).connect()) {
            String line = "ação é útil\r\n";
            client.sendPieces(line, splitInsideCharactersAndLineEnd(line));
            client.expectLine("AÇÃO É ÚTIL");
        }
    }

    @Test
    @Points(3)
    public void makesTheExtraClientWait(Servers servers) {
        RunningServer server = servers.start(BOUND);
        try (StalledClients stalled = StalledClients.open(server, BOUND)) {
            LineClient extra = server.connect().sendLine(extraLine());
            Optional<String> early = extra.lineWithin(Waits.WINDOW);
            if (early.isPresent()) {
                throw failure(server, BoundedFeedback.extraAnswered(BOUND, EXTRA, early.get()));
            }
            stalled.releaseAll();
            Outcome.read(extra, LineClient.READ_TIMEOUT); // whether it is served is the next test's
        }
    }

    @Test
    @Points(2)
    public void servesTheWaitingClientOnceASlotIsFree(Servers servers) {
        RunningServer server = servers.start(BOUND);
        try (StalledClients stalled = StalledClients.open(server, BOUND)) {
            LineClient extra = server.connect().sendLine(extraLine());
            // Gives a server that turns N+1 away the time to do it; a reply now is the previous test's.
            Optional<String> early = extra.lineWithin(Waits.WINDOW);
            stalled.release(1);
            Outcome outcome = early.map(line -> new Outcome(Outcome.Kind.REPLIED, line))
                    .orElseGet(() -> Outcome.read(extra, LineClient.READ_TIMEOUT));
            if (!outcome.replied()) {
                throw failure(
                        server,
                        BoundedFeedback.waitingNotServed(outcome.kind(), BOUND, EXTRA, LineClient.READ_TIMEOUT));
            }
            expectUpperCase(server, extraLine(), outcome.line());
            stalled.releaseAll();
        }
    }

    @Test
    @Points(2)
    public void servesFiftyClientsInABurst(Servers servers) {
        RunningServer server = servers.start(BURST_BOUND);
        Burst burst = Burst.connect(server, BURST_SIZE, "burst client");
        // Nobody has sent a line yet, so the first N hold their handlers and the others must wait:
        // this is when a server that turns clients away does it.
        Feedback alias = BoundedFeedback.burstTurnedAway(BURST_BOUND, BURST_SIZE);
        try {
            Waits.never(
                    alias,
                    Waits.WINDOW,
                    () -> burst.firstDisturbed().ifPresent(client -> {
                        throw new GradedFailure(BoundedFeedback.burstDisturbed(client));
                    }));
        } catch (GradedFailure e) {
            throw failure(server, e.observation());
        }
        List<Outcome> outcomes = burst.sendAndRead();
        int closed = 0;
        int reset = 0;
        int firstLost = 0;
        for (int number = 1; number <= outcomes.size(); number++) {
            Outcome outcome = outcomes.get(number - 1);
            switch (outcome.kind()) {
                case REPLIED -> expectUpperCase(server, burst.line(number), outcome.line());
                case CLOSED -> closed++;
                case RESET -> reset++;
                case SILENT ->
                    throw failure(
                            server,
                            BoundedFeedback.burstSilent(
                                    BURST_SIZE, BURST_BOUND, number, LineClient.READ_TIMEOUT, countReplied(outcomes)));
            }
            if (!outcome.replied() && firstLost == 0) {
                firstLost = number;
            }
        }
        if (closed + reset > 0) {
            throw failure(server, BoundedFeedback.burstLost(BURST_SIZE, BURST_BOUND, closed, reset, firstLost));
        }
    }

    @Test
    @Points(2)
    public void burnsNoCpuWhileClientsWait(Servers servers) {
        // The submission's code runs once first, on a server of its own, so that loading and linking
        // it is not measured. (On the measured server, a server that turns clients away could still
        // hold the warm-up's slot when the stalled clients come.)
        warmUp(servers.start(BOUND));
        RunningServer server = servers.start(BOUND);
        try (StalledClients stalled = StalledClients.open(server, BOUND)) {
            LineClient extra = server.connect().sendLine(extraLine());
            ServerProbe probe = server.probe();
            awaitSettled(probe);
            long start = System.nanoTime();
            Duration before = probe.cpuTime();
            Waits.pause(Waits.WINDOW);
            Duration cpu = probe.cpuTime().minus(before);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            if (cpu.toNanos() > CPU_SHARE_LIMIT * wall.toNanos()) {
                throw failure(server, BoundedFeedback.cpuBurned(BOUND, EXTRA, cpu, wall));
            }
            stalled.releaseAll();
            Outcome.read(extra, LineClient.READ_TIMEOUT); // judged by the tests about client N+1
        }
    }

    /**
     * Waits, at most {@link #SETTLE_DEADLINE}, until every thread of the server waits for good (the
     * stalled clients' handlers in their reads, the extra client queued or its thread blocked): on a
     * loaded machine the handlers may still be starting when the last client is in, and that work
     * is not the waiting judged here. A server that keeps a thread running never settles, and is
     * measured all the same; where the probe cannot tell, the deadline passes and so is it.
     */
    private static void awaitSettled(ServerProbe probe) {
        long deadline = System.nanoTime() + SETTLE_DEADLINE.toNanos();
        while (probe.blockedForGood().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(SETTLE_POLL.toNanos());
        }
    }

    @Test
    @Points(2)
    public void keepsLiveThreadsWithinTheBound(Servers servers) {
        expectNoPileUpAcrossBursts(servers.start(BOUND));
        expectNoThreadPerStalledClient(servers.start(BOUND));
    }

    /** Bursts come and go: afterwards the threads of the server go back within the bound. */
    private static void expectNoPileUpAcrossBursts(RunningServer server) {
        ServerProbe probe = server.probe();
        int baseline = probe.liveThreads();
        int limit = baseline + BOUND + THREAD_SLACK;
        warmUp(server);
        for (int round = 1; round <= PILE_BURSTS; round++) {
            Burst.connect(server, PILE_BURST_SIZE, "round " + round + " client").sendAndRead(); // judged elsewhere
            Feedback alias = BoundedFeedback.threadsAfterBurst(
                    round, PILE_BURSTS, PILE_BURST_SIZE, BOUND, limit, baseline, THREAD_SLACK);
            Waits.eventually(alias, () -> expectAtMost(probe, limit));
        }
    }

    /**
     * Many clients stall at once: the server must not hold a thread for each. A server of its own,
     * so that no thread left over from the bursts, still on its way out, is counted.
     */
    private static void expectNoThreadPerStalledClient(RunningServer server) {
        ServerProbe probe = server.probe();
        int baseline = probe.liveThreads();
        int limit = baseline + BOUND + THREAD_SLACK;
        warmUp(server);
        try (StalledClients stalled = StalledClients.open(server, BOUND + STALLED_BEYOND_BOUND)) {
            Feedback alias = BoundedFeedback.threadsWhileStalled(BOUND, stalled.count(), limit, baseline, THREAD_SLACK);
            Waits.never(alias, Waits.WINDOW, () -> expectAtMost(probe, limit));
        }
    }

    @Test
    @Points(2)
    public void freesTheSlotOfClientsThatLeaveWithoutALine(Servers servers) {
        RunningServer server = servers.start(BOUND);
        warmUp(server);
        int leavers = BOUND + 1; // more than N: had each kept its slot, nobody would be taken in
        for (int number = 1; number <= leavers; number++) {
            server.connect().send(leaverHalf(number)).reset();
        }
        for (int i = 1; i <= leavers; i++) {
            int number = leavers + i;
            try (LineClient client = server.connect()) {
                client.send(leaverHalf(number)).halfClose();
                if (!closedByServer(client)) {
                    throw failure(
                            server,
                            BoundedFeedback.leaverNotTakenIn(BOUND, leavers, i - 1, number, LineClient.READ_TIMEOUT));
                }
            }
        }
        // A server that turns clients away while its slots are busy loses the tests about client
        // N+1; here the last leaver may not have given its slot back yet, so a client may retry.
        Feedback alias = BoundedFeedback.servedAfterLeavers(BOUND, 2 * leavers);
        Waits.eventually(alias, () -> {
            try (LineClient client = server.connect()) {
                client.sendLine("after the leavers").expectLine("AFTER THE LEAVERS");
            }
        });
    }

    /** A first client, served in full: the server is up, and its code has run once. */
    private static void warmUp(RunningServer server) {
        try (LineClient client = server.connect()) {
            client.sendLine("warm up").expectLine("WARM UP");
        }
    }

    private static String extraLine() {
        return "client " + EXTRA + ", whole line";
    }

    private static String leaverHalf(int number) {
        return "leaving client " + number + ", half a li";
    }

    /**
     * Whether the server closes this connection within the read timeout. A reply to the unfinished
     * line may come first: the contract leaves that open.
     */
    private static boolean closedByServer(LineClient client) {
        long deadline = System.nanoTime() + LineClient.READ_TIMEOUT.toNanos();
        while (true) {
            Outcome outcome = Outcome.read(client, Outcome.until(deadline));
            switch (outcome.kind()) {
                case CLOSED, RESET -> {
                    return true;
                }
                case SILENT -> {
                    return false;
                }
                case REPLIED -> {
                    // allowed: read on until the server closes
                }
            }
        }
    }

    private static void expectUpperCase(RunningServer server, String sent, String received) {
        String expected = sent.toUpperCase(Locale.ROOT);
        if (!received.equals(expected)) {
            throw failure(server, CoreFeedback.wrongReply(sent, expected, received));
        }
    }

    private static void expectAtMost(ServerProbe probe, int limit) {
        int live = probe.liveThreads();
        if (live > limit) {
            throw new GradedFailure(BoundedFeedback.threadsCounted(live));
        }
    }

    private static int countReplied(List<Outcome> outcomes) {
        return (int) outcomes.stream().filter(Outcome::replied).count();
    }

    /** A failure for the observation ({@code ServerExtension} reports the server's own reason instead, if it has stopped serving). */
    private static GradedFailure failure(RunningServer server, Feedback observed) {
        return new GradedFailure(observed);
    }

    /** The line's bytes, cut right after the first byte of every multi-byte character, and before {@code \n}. */
    private static byte[][] splitInsideCharactersAndLineEnd(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            boolean leadOfMultiByte = (bytes[i] & 0xC0) == 0xC0;
            boolean beforeNewline = i + 1 < bytes.length && bytes[i + 1] == '\n';
            if (leadOfMultiByte || beforeNewline) {
                pieces.add(Arrays.copyOfRange(bytes, from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces.toArray(byte[][]::new);
    }
}
