package org.socklab.grader.temperature;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.socklab.grader.harness.Servers;
import org.socklab.grader.temperature.Interleaving.Step;

/**
 * Exercise 4, temperature: a store shared by every handler thread, behind a lock.
 *
 * <p>The protocol is tested over sockets, one request per connection. The concurrency properties
 * are tested twice. Over sockets, with hundreds of clients whose handlers run at once: this is the
 * student's whole program, but a race there shows up only by chance. And on the store directly,
 * where the race is not left to chance: an {@link Interleaving} holds one call inside the map and
 * watches what a second call does, and the store's bytecode is read for its lock
 * ({@link StoreStructure}).
 *
 * <p>A store scores the same in every run: the forced interleavings are deterministic, and the
 * socket loads are arranged so that luck cannot make them fail a store that the checks on the
 * store judge (see {@link SocketLoads}). One exception, by necessity: a store whose lock the test
 * cannot make fair (a {@code synchronized} one) and that splits a reading in two locked steps is
 * caught by a short stress of readers against writers ({@link TornReadStress}), with a very high
 * probability instead of certainty.
 *
 * <p>The test methods are public so that a template class in another package inherits them.
 */
@GradedExercise(Exercise.TEMPERATURE)
public class TemperatureTests {
    private static final Reading SEED = new Reading("Recife", 30, 20);

    /** Lines that are neither a valid reading nor a query, by the rules in the template's Javadoc. */
    private static final List<String> MALFORMED = List.of(
            "",
            "hello",
            "get Recife",
            "GET",
            "Recife,30",
            "Recife,30,20,10",
            ",30,20",
            "Recife,abc,20",
            "Recife,30,2x",
            "Recife,30.5,20",
            "Recife,,20",
            "Recife,30,",
            "Recife,99999999999,1",
            "Recife,20,30",
            "Olinda,20,30",
            "Olinda,x,1");

    @Test
    @Points(1)
    public void recordsReadingsAndAnswersGet(Servers servers) {
        RunningServer server = servers.start();
        Crowd.expect(server, "Recife,31,24", "BYE");
        Crowd.expect(server, "GET Recife", "Recife,31,24");
        Crowd.expect(server, "Recife,33,22", "BYE");
        Crowd.expect(server, "GET Recife", "Recife,33,22");
        Crowd.expect(server, "  Natal , 30 , -2  ", "BYE");
        Crowd.expect(server, "GET   Natal  ", "Natal,30,-2");
        Crowd.expect(server, "Curitiba,-3,-3", "BYE");
        Crowd.expect(server, "GET Curitiba", "Curitiba,-3,-3");
        try (LineClient client = server.connect()) {
            client.send("Manaus,35,26\r\n").expectLine("BYE");
        }
        try (LineClient client = server.connect()) {
            client.sendInPieces("GET Manaus\r\n", 3).expectLine("Manaus,35,26");
        }
        Crowd.expect(server, "GET Olinda", "NONE");
    }

    @Test
    @Points(1)
    public void keepsUtf8CityNames(Servers servers) {
        RunningServer server = servers.start();
        try (LineClient client = server.connect()) {
            String line = "São Paulo,31,19\n";
            client.sendPieces(line, Crowd.splitInsideEveryCharacter(line)).expectLine("BYE");
        }
        try (LineClient client = server.connect()) {
            String line = "GET São Paulo\n";
            client.sendPieces(line, Crowd.splitInsideEveryCharacter(line)).expectLine("São Paulo,31,19");
        }
        Crowd.expect(server, "João Pessoa,30,24", "BYE");
        Crowd.expect(server, "GET João Pessoa", "João Pessoa,30,24");
    }

    @Test
    @Points(1)
    public void answersErrorToMalformedLines(Servers servers) {
        RunningServer server = servers.start();
        Crowd.expect(server, "Recife,31,24", "BYE");
        String current = "";
        String lastRejected = "";
        try {
            for (String line : MALFORMED) {
                current = line;
                Crowd.expectError(server, line);
                lastRejected = line;
            }
            current = "GET Recife";
            Crowd.expect(server, current, "Recife,31,24");
            current = "GET Olinda";
            Crowd.expect(server, current, "NONE");
        } catch (GradedFailure failure) {
            throw Crowd.whenSilent(
                    failure,
                    TemperatureFeedback.noReplyAfterRejected(
                            current, LineClient.READ_TIMEOUT.toSeconds(), lastRejected));
        }
    }

    @Test
    @Points(2)
    @DirectCalls
    public void concurrentWritersLoseNoCityAndTearNoReading(Servers servers) {
        Reading one = new Reading("Recife", 40, 10);
        Reading other = new Reading("Recife", 20, -5);
        Optional<NotApplicable> unchecked = forced(() -> {
            Trace trace = Interleaving.run(
                    servers,
                    SEED,
                    Step.record("thread 1", one.city(), one.max(), one.min()),
                    Step.record("thread 2", other.city(), other.max(), other.min()));
            failIfPresent(trace.splitWrite());
            requireOneOf(trace.after(), StoreUnderTest.describeGet(SEED.city()), Set.of(one, other));
        });
        failIfPresent(TornReadStress.run(servers));

        SocketLoads.writers(servers.start());
        unchecked.ifPresent(TemperatureTests::giveThePointsUnchecked);
    }

    @Test
    @Points(2)
    @DirectCalls
    public void concurrentReadersSeeOnlyWholeReadings(Servers servers) {
        Reading fresh = new Reading("Recife", 40, 10);
        Set<Reading> whole = Set.of(SEED, fresh);
        Optional<NotApplicable> unchecked = forced(() -> {
            Trace readerSecond = Interleaving.run(
                    servers,
                    SEED,
                    Step.record("thread 1", fresh.city(), fresh.max(), fresh.min()),
                    Step.get("thread 2", SEED.city()));
            failIfPresent(readerSecond.splitRead());
            requireOneOf(readerSecond.secondResult(), readerSecond.second().toString(), whole);
            Trace readerFirst = Interleaving.run(
                    servers,
                    SEED,
                    Step.get("thread 1", SEED.city()),
                    Step.record("thread 2", fresh.city(), fresh.max(), fresh.min()));
            failIfPresent(readerFirst.splitRead());
            requireOneOf(readerFirst.firstResult(), readerFirst.first().toString(), whole);
        });
        failIfPresent(TornReadStress.run(servers));

        SocketLoads.readersAndWriters(servers.start());
        unchecked.ifPresent(TemperatureTests::giveThePointsUnchecked);
    }

    @Test
    @Points(1)
    public void badLinesDuringLoadChangeNothing(Servers servers) {
        SocketLoads.badLinesAmongWriters(servers.start());
    }

    @Test
    @Points(2)
    @DirectCalls
    public void storeLetsOneThreadAtATimeIntoItsMap(Servers servers) {
        failIfPresent(Interleaving.run(
                        servers,
                        SEED,
                        Step.record("thread 1", "Recife", 41, 11),
                        Step.record("thread 2", "Natal", 32, 22))
                .bothInside());
        failIfPresent(Interleaving.run(
                        servers, SEED, Step.record("thread 1", "Recife", 41, 11), Step.get("thread 2", "Recife"))
                .bothInside());
        failIfPresent(Interleaving.run(
                        servers, SEED, Step.get("thread 1", "Recife"), Step.record("thread 2", "Recife", 41, 11))
                .bothInside());
    }

    @Test
    @Points(2)
    @DirectCalls
    public void recordAndGetTakeTheStoresOwnLock(Servers servers) {
        StoreUnderTest store = StoreUnderTest.create(servers);
        failIfPresent(StoreStructure.lockProblem(store.type()));
    }

    @Test
    @Points(1)
    public void servesOthersWhileClientsStall(Servers servers) {
        RunningServer server = servers.start();
        String halfLine = "Recife,3";
        try (LineClient silent = server.connect();
                LineClient stalled = server.connect()) {
            stalled.send(halfLine);
            try {
                Crowd.expect(server, "Natal,30,22", "BYE");
                Crowd.expect(server, "GET Natal", "Natal,30,22");
            } catch (GradedFailure failure) {
                throw Crowd.whenSilent(
                        failure,
                        TemperatureFeedback.stalledClientsDelayedOthers(LineClient.READ_TIMEOUT.toSeconds(), halfLine));
            }
        }
    }

    @Test
    @Points(1)
    public void serversKeepTheirReadingsApart(Servers servers) {
        RunningServer first = servers.start();
        Crowd.expect(first, "Recife,31,24", "BYE");
        RunningServer second = servers.start();
        expectNoneShared(second, "Recife", "Recife,31,24");
        Crowd.expect(second, "Natal,30,22", "BYE");
        expectNoneShared(first, "Natal", "Natal,30,22");
        first.stop();
        RunningServer third = servers.start();
        expectNoneShared(third, "Recife", "Recife,31,24");
    }

    @Test
    @Points(1)
    public void usesNoCpuOnceClientsLeaveWithoutALine(Servers servers) {
        RunningServer server = servers.start();
        Departures.requireIdleAfterClientsLeave(
                server,
                "Recife,3",
                true,
                () -> Crowd.expect(server, "GET Nowhere", "NONE"),
                Exercise.TEMPERATURE.messages());
    }

    /** Requires NONE for the city, which only another server was told about. */
    private static void expectNoneShared(RunningServer server, String city, String toldTheOther) {
        String reply = Crowd.ask(server, "GET " + city);
        if (!reply.equals("NONE")) {
            throw new GradedFailure(TemperatureFeedback.sharedReadings("GET " + city, reply, toldTheOther));
        }
    }

    /**
     * Runs the forced interleavings of a test; when the store keeps no map they can watch, they
     * cannot judge it, and the rest of the test (stress, socket loads) still runs before the test
     * gives its points saying so.
     */
    private static Optional<NotApplicable> forced(Runnable interleavings) {
        try {
            interleavings.run();
            return Optional.empty();
        } catch (NotApplicable cannotWatch) {
            return Optional.of(cannotWatch);
        }
    }

    private static void giveThePointsUnchecked(NotApplicable cannotWatch) {
        throw cannotWatch;
    }

    private static void failIfPresent(Optional<Feedback> problem) {
        if (problem.isPresent()) {
            throw new GradedFailure(problem.get());
        }
    }

    /** Fails unless the call gave one of the expected readings (else it tore one, or lost it). */
    private static void requireOneOf(Optional<Reading> got, String call, Set<Reading> expected) {
        if (got.isEmpty() || !expected.contains(got.get())) {
            throw new GradedFailure(TemperatureFeedback.tornResult(
                    call,
                    got.map(Reading::line).orElse("Optional.empty"),
                    String.join(
                            " / ", expected.stream().map(Reading::line).sorted().toList())));
        }
    }
}
