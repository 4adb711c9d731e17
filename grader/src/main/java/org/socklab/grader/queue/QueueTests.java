package org.socklab.grader.queue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.socklab.grader.DirectCalls;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.NotApplicable;
import org.socklab.grader.harness.Departures;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.ServerProbe;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.ThreadSnapshot;
import org.socklab.grader.harness.Waits;

/**
 * Exercise 5, queue: handlers (producers) hand readings to one processor thread (the consumer)
 * through a {@code BlockingQueue}; {@code STATS} reports the hottest and coldest latest readings.
 *
 * <p>{@code BYE} means "queued", so no test expects a reading in the very next {@code STATS}: it
 * asks again until the answer is right, with a deadline ({@link Stats#await}). Every test that
 * sends readings one after another waits until each shows before sending the next, so a server
 * with several processors, which may record two readings of a city out of order, is judged only
 * by the test about processors. The things that must not happen (CPU burnt while idle, a second
 * processor) are watched for one {@link Waits#WINDOW} each.
 *
 * <p>Most tests judge over TCP only. Two look further: the idle-CPU test reads the CPU time of the
 * server's threads, and the processor test looks at where they wait ({@link QueueWaiters}), which
 * only a server in the grader's own JVM can show: elsewhere that test is not applicable. The
 * structure test reads the submission's bytecode ({@link QueueStructure}).
 *
 * <p>The test methods are public so that a template class in another package inherits them.
 */
@GradedExercise(Exercise.QUEUE)
public class QueueTests {
    /** How many producers the burst has. */
    static final int BURST = 50;
    /**
     * An idle server may use at most this much CPU time during {@link Waits#WINDOW}. A correct one
     * uses none at all (measured: 0 ms, under load too); a processor spinning on {@code poll()}
     * used 730 to 980 ms on a quiet machine, and still about 100 ms with both cores busy with
     * other work, which is why the limit sits well below that.
     */
    static final Duration IDLE_CPU_LIMIT = Duration.ofMillis(25);
    /**
     * CPU time that an idle server with no thread waiting on the queue may burn before the wait
     * for such a thread ends: twenty times what the idle test allows in a whole second. Its threads
     * poll instead of blocking, so the wait's deadline would only be paid, never met.
     */
    static final Duration SPINNING = IDLE_CPU_LIMIT.multipliedBy(20);
    /** How many producers keep sending readings of new cities while STATS is asked. */
    static final int LOAD_PRODUCERS = 8;
    /** How many clients ask STATS at the same time meanwhile. */
    static final int LOAD_ASKERS = 2;
    /**
     * How many STATS they ask in all: about 2 s for a correct server on two busy cores. A STATS
     * that reads a plain HashMap without a lock while the processor adds to it was caught in 65
     * runs of 65 on two busy cores, at the latest by the 222nd request, in half of them by the
     * 45th: a race is caught by chance only, so the count leaves a wide margin.
     */
    static final int LOAD_STATS = 600;

    @Test
    @Points(1)
    public void answersEmptyBeforeAnyReading(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.sendLine("STATS").expectLine(Stats.EMPTY);
        }
    }

    @Test
    @Points(2)
    public void acknowledgesAReadingAndReportsIt(Servers servers) {
        RunningServer server = servers.start();
        try (LineClient client = server.connect()) {
            client.sendLine("Recife,31,24").expectLine("BYE");
            client.expectClosed();
        }
        awaitCounted(server, "Recife,31,24", Stats.answer("Recife", 31, 24));
        try (LineClient client = server.connect()) {
            client.sendLine("Porto Alegre,18,7").expectLine("BYE");
            client.expectClosed();
        }
        awaitCounted(server, "Porto Alegre,18,7", Stats.answer("Recife", 31, "Porto Alegre", 7));
        try (LineClient client = server.connect()) {
            client.sendLine("STATS").expectLine("HOTTEST,Recife,31").expectLine("COLDEST,Porto Alegre,7");
            client.expectClosed();
        }
    }

    @Test
    @Points(1)
    public void readsLinesSentInPieces(Servers servers) {
        RunningServer server = servers.start();
        String saoPaulo = "  São Paulo , 18 , 7 \r\n";
        try (LineClient client = server.connect()) {
            client.sendInPieces(saoPaulo, 1).expectLine("BYE");
        }
        awaitCounted(server, saoPaulo, Stats.answer("São Paulo", 18, 7));
        String joaoPessoa = "João Pessoa,+30,12\r\n";
        try (LineClient client = server.connect()) {
            client.sendPieces(joaoPessoa, splitInsideEveryCharacter(joaoPessoa)).expectLine("BYE");
        }
        List<String> expected = Stats.answer("João Pessoa", 30, "São Paulo", 7);
        awaitCounted(server, joaoPessoa, expected);
        try (LineClient client = server.connect()) {
            client.sendInPieces("STATS\r\n", 2).expectLine(expected.get(0)).expectLine(expected.get(1));
        }
    }

    @Test
    @Points(1)
    public void rejectsMalformedLines(Servers servers) {
        RunningServer server = servers.start();
        List<String> malformed = List.of(
                "",
                "hello",
                "stats",
                "STATS please",
                "Natal",
                "Natal,30",
                "Natal,30,20,10",
                " ,30,20",
                "Natal,abc,10",
                "Natal,30,2x",
                "Natal,30.5,20",
                "Natal,99999999999,20",
                "Natal,,20",
                "Natal,20,30");
        for (String line : malformed) {
            try (LineClient client = server.connect()) {
                String reply = client.sendLine(line).readLine();
                if (!reply.startsWith("ERROR ")) {
                    throw new GradedFailure(QueueFeedback.notAnError(line, reply));
                }
            }
        }
        String sentinel = "Sentinela,0,0";
        Stats.send(server, sentinel);
        List<String> expected = Stats.answer("Sentinela", 0, 0);
        List<String> answer = Stats.awaitMatching(
                server,
                lines -> String.join("\n", lines).contains("Sentinela"),
                last -> QueueFeedback.notCounted(sentinel, Stats.shown(expected), last));
        if (!answer.equals(expected)) {
            throw new GradedFailure(QueueFeedback.malformedRecorded(sentinel, Stats.shown(answer)));
        }
    }

    @Test
    @Points(3)
    public void countsEveryReadingOfABurst(Servers servers) {
        RunningServer server = servers.start();
        try (LineClient silent = server.connect()) {
            List<LineClient> producers = new ArrayList<>();
            for (int i = 1; i <= BURST; i++) {
                producers.add(server.connect());
            }
            for (int i = BURST; i >= 1; i--) {
                producers.get(i - 1).sendLine(burstReading(i, i));
            }
            for (int i = BURST; i >= 1; i--) {
                try (LineClient producer = producers.get(i - 1)) {
                    expectBye(server, producer, i);
                }
            }
            silent.sendLine("Lenta,0,0").expectLine("BYE");
        }
        awaitCounted(server, burstReading(BURST, BURST), Stats.answer(burstCity(BURST), BURST, -BURST));
        // Only the hottest and the coldest show: give each hottest city a milder reading in turn,
        // so that every other reading of the burst must come up.
        for (int i = BURST; i >= 2; i--) {
            String milder = burstReading(i, 0);
            Stats.send(server, milder);
            String lost = burstReading(i - 1, i - 1);
            List<String> expected = Stats.answer(burstCity(i - 1), i - 1, -(i - 1));
            Stats.await(
                    server,
                    expected,
                    last -> QueueFeedback.burstReadingLost(lost, milder, Stats.shown(expected), last));
        }
    }

    @Test
    @Points(1)
    public void replacesACitysReading(Servers servers) {
        RunningServer server = servers.start();
        List<String> sent = new ArrayList<>();
        sendAndAwait(server, sent, "Natal,35,25", Stats.answer("Natal", 35, 25));
        sendAndAwait(server, sent, "Recife,40,20", Stats.answer("Recife", 40, 20));
        sendAndAwait(server, sent, "Recife,30,28", Stats.answer("Natal", 35, 25));
        sendAndAwait(server, sent, "Natal,29,27", Stats.answer("Recife", 30, "Natal", 27));
    }

    @Test
    @Points(2)
    public void keepsCountingAfterBadInput(Servers servers) {
        RunningServer server = servers.start();
        LineClient vanishing = server.connect();
        vanishing.send("Natal,2");
        vanishing.reset();
        for (String line : List.of("Natal,abc,10", "Natal,10,20", "Natal,30", " ,5,1", "Natal,1,2,3")) {
            try (LineClient client = server.connect()) {
                client.sendLine(line).lineWithin(LineClient.READ_TIMEOUT);
            }
        }
        try (LineClient client = server.connect()) {
            byte[] invalidUtf8 = {(byte) 0xff, (byte) 0xfe, ',', 'x', ',', '1', '\n'};
            client.sendBytes(invalidUtf8, "\\xff\\xfe,x,1").lineWithin(LineClient.READ_TIMEOUT);
        }
        try (LineClient client = server.connect()) {
            client.sendInBackground("x,".repeat(1 << 19) + "\n");
            client.lineWithin(LineClient.READ_TIMEOUT);
        }
        String reading = "Recife,31,24";
        Stats.send(server, reading);
        List<String> expected = Stats.answer("Recife", 31, 24);
        Stats.await(server, expected, last -> QueueFeedback.lostAfterBadInput(reading, Stats.shown(expected), last));
    }

    @Test
    @Points(2)
    public void idleServerUsesNoCpu(Servers servers) {
        RunningServer server = readyAndIdle(servers);
        ServerProbe probe = server.probe();
        Duration before = probe.cpuTime();
        long start = System.nanoTime();
        AtomicReference<Duration> used = new AtomicReference<>(Duration.ZERO);
        try {
            Waits.never(QueueFeedback.idleCpuWait(), Waits.WINDOW, () -> {
                used.set(probe.cpuTime().minus(before));
                if (used.get().compareTo(IDLE_CPU_LIMIT) > 0) {
                    throw new GradedFailure(QueueFeedback.cpuUsed(used.get()));
                }
            });
        } catch (GradedFailure e) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            throw new GradedFailure(QueueFeedback.idleCpu(used.get(), elapsed, IDLE_CPU_LIMIT), e);
        }
    }

    @Test
    @Points(2)
    @DirectCalls
    public void hasOneProcessorBlockedOnTheQueue(Servers servers) {
        RunningServer server = readyAndIdle(servers);
        ServerProbe probe = server.probe();
        if (probe.threads().isEmpty()) {
            throw new NotApplicable(QueueFeedback.threadsNotVisible());
        }
        AtomicReference<List<ThreadSnapshot>> seen = new AtomicReference<>(List.of());
        Duration cpuBefore = probe.cpuTime();
        try {
            Waits.eventually(QueueFeedback.processorWaitsWait(), () -> {
                List<ThreadSnapshot> threads = probe.threads().orElseThrow();
                seen.set(threads);
                if (QueueWaiters.of(threads).isEmpty()) {
                    GradedFailure notYet = new GradedFailure(QueueFeedback.threadsSeen(QueueWaiters.describe(threads)));
                    // an idle server that burns this much CPU polls instead of waiting: it never will
                    throw probe.cpuTime().minus(cpuBefore).compareTo(SPINNING) > 0 ? Waits.hopeless(notYet) : notYet;
                }
            });
        } catch (GradedFailure e) {
            throw new GradedFailure(QueueFeedback.noProcessorWaiting(QueueWaiters.describe(seen.get())), e);
        }
        try {
            Waits.never(QueueFeedback.severalWaitWait(), Waits.WINDOW, () -> {
                List<ThreadSnapshot> waiting = QueueWaiters.of(probe.threads().orElseThrow());
                seen.set(waiting);
                if (waiting.size() > 1) {
                    throw new GradedFailure(QueueFeedback.threadsSeen(QueueWaiters.describe(waiting)));
                }
            });
        } catch (GradedFailure e) {
            throw new GradedFailure(
                    QueueFeedback.severalProcessorsWaiting(seen.get().size(), QueueWaiters.describe(seen.get())), e);
        }
    }

    @Test
    @Points(2)
    public void answersStatsWholeUnderLoad(Servers servers) {
        RunningServer server = servers.start();
        String first = ReadingLoad.reading(0);
        Stats.send(server, first);
        List<String> expected = Stats.answer(ReadingLoad.city(0), 0, 0);
        awaitCounted(server, first, expected);
        try (ReadingLoad load = ReadingLoad.start(server.address(), LOAD_PRODUCERS, 0);
                StatsAskers askers = StatsAskers.start(server, LOAD_ASKERS, LOAD_STATS, expected, 0)) {
            askers.awaitAll();
            load.close();
            Optional<String> failure = load.failure();
            if (failure.isPresent()) {
                throw new GradedFailure(QueueFeedback.loadProducerFailed(failure.get()));
            }
        }
    }

    @Test
    @Points(1)
    public void passesReadingsThroughABlockingQueue(Servers servers) {
        RunningServer server = servers.start();
        try (LineClient client = server.connect()) {
            client.sendLine("STATS").lineWithin(LineClient.READ_TIMEOUT); // whatever the answer, serve runs
        }
        if (server.diagnosis().isPresent()) {
            throw new GradedFailure(server.diagnosis().get()); // a stub is not judged on its structure
        }
        Class<?> serverClass = servers.loadClass("QueueServer");
        QueueStructure structure = QueueStructure.of(serverClass);
        String packageName = serverClass.getPackageName();
        if (structure.handOver().isEmpty()) {
            throw new GradedFailure(QueueFeedback.noHandOver(packageName, structure.found()));
        }
        if (structure.takeOut().isEmpty()) {
            throw new GradedFailure(QueueFeedback.noTakeOut(packageName, structure.found()));
        }
    }

    /** A started server that has processed one reading and has no client left. */
    @Test
    @Points(1)
    public void serversKeepTheirStatisticsApart(Servers servers) {
        RunningServer first = servers.start();
        Stats.send(first, "Recife,31,24");
        awaitCounted(first, "Recife,31,24", Stats.answer("Recife", 31, 24));
        RunningServer second = servers.start();
        Stats.send(second, "Natal,30,22");
        Stats.await(
                second, Stats.answer("Natal", 30, 22), last -> QueueFeedback.sharedStatistics(last, "Recife,31,24"));
        List<String> firstNow = Stats.ask(first);
        if (!firstNow.equals(Stats.answer("Recife", 31, 24))) {
            throw new GradedFailure(QueueFeedback.sharedStatistics(Stats.shown(firstNow), "Natal,30,22"));
        }
        first.stop();
        RunningServer third = servers.start();
        Stats.send(third, "Olinda,29,23");
        Stats.await(
                third, Stats.answer("Olinda", 29, 23), last -> QueueFeedback.sharedStatistics(last, "Recife,31,24"));
    }

    @Test
    @Points(1)
    public void usesNoCpuOnceClientsLeaveWithoutALine(Servers servers) {
        RunningServer server = servers.start();
        Departures.requireIdleAfterClientsLeave(
                server, "Recife,3", true, () -> Stats.send(server, "Natal,30,22"), Exercise.QUEUE.messages());
    }

    private static RunningServer readyAndIdle(Servers servers) {
        RunningServer server = servers.start();
        String reading = "Recife,31,24";
        Stats.send(server, reading);
        awaitCounted(server, reading, Stats.answer("Recife", 31, 24));
        return server;
    }

    private static void awaitCounted(RunningServer server, String reading, List<String> expected) {
        Stats.await(server, expected, last -> QueueFeedback.notCounted(reading, Stats.shown(expected), last));
    }

    private static void sendAndAwait(RunningServer server, List<String> sent, String reading, List<String> expected) {
        Stats.send(server, reading);
        sent.add(reading);
        Feedback readings = Stats.shown(sent);
        Stats.await(server, expected, last -> QueueFeedback.notReplaced(readings, Stats.shown(expected), last));
    }

    private static void expectBye(RunningServer server, LineClient producer, int number) {
        String reply;
        try {
            reply = producer.readLine();
        } catch (GradedFailure e) {
            throw new GradedFailure(QueueFeedback.burstNoBye(number, BURST, producer.lastSent(), e.observation()), e);
        }
        if (!reply.equals("BYE")) {
            throw new GradedFailure(
                    QueueFeedback.burstNoBye(number, BURST, producer.lastSent(), Stats.shown(List.of(reply))));
        }
    }

    private static String burstCity(int number) {
        return "Rajada-" + number;
    }

    private static String burstReading(int number, int value) {
        return burstCity(number) + "," + value + "," + (-value);
    }

    /** The line's bytes, cut in the middle of every multi-byte character. */
    private static byte[][] splitInsideEveryCharacter(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xC0) == 0xC0) {
                pieces.add(Arrays.copyOfRange(bytes, from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces.toArray(byte[][]::new);
    }
}
