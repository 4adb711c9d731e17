package org.socklab.grader.temperature;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;

/**
 * The three socket loads of the exercise: hundreds of clients of one server, each with one request,
 * their handlers running at once (see {@link Crowd}). Every reading a load sends is self-checking:
 * writer {@code i} of a load over {@code n} cities writes city {@code i % n}, with {@code -i} as its
 * minimum, so a reply tells which writer's reading it is.
 *
 * <p>Races over sockets show up only by chance, so the loads are built so that chance cannot decide
 * a grade: the forced interleavings and the stress on the store judge whether it is guarded and
 * whether a reading can be torn, and a load never fails a store for those reasons by luck alone,
 * except the readers' load, whose torn replies can only add to what the store checks found. See
 * {@link #WRITERS_CITIES}, {@link #writers} and {@link #badLinesAmongWriters}.
 *
 * <p>Stateless; used by the test's thread.
 */
final class SocketLoads {
    /**
     * The cities of the writers' load. In a default {@code HashMap} (16 buckets, once a first city
     * has made its table) each one falls in a bucket of its own, so that a store without a lock
     * cannot lose one of them to two inserts racing on the same bucket: whether it is guarded is
     * the forced interleavings' verdict, and a store's grade does not depend on luck. The loads use
     * plain ASCII names: UTF-8 is judged by its own test.
     */
    static final List<String> WRITERS_CITIES = List.of("Recife", "Natal", "Manaus", "Salvador", "Fortaleza");
    /** Recorded first, alone: it makes the map's table before the writers' load starts. */
    static final String FIRST_CITY = "Teresina";

    static final List<String> READERS_CITIES =
            List.of("Porto Alegre", "Curitiba", "Londrina", "Campo Grande", "Boa Vista");
    static final List<String> BAD_LOAD_CITIES = List.of("Aracaju", "Palmas", "Rio Branco", "Porto Velho", "Campinas");
    /** Hundreds, and within the listener's backlog of 200, so that no connection waits on TCP retries. */
    static final int CLIENTS = 200;
    /** The seed of city {@code k} of the readers' load: {@code SEEDS + k}, self-checking like the rest. */
    private static final int SEEDS = 1000;

    private SocketLoads() {}

    /**
     * Hundreds of writers over a few cities: all are answered BYE, then every city holds the reading
     * of one of its writers. The writers of a city share their maximum ({@code 50 + k} for city
     * {@code k}), so that a mix of two of their readings is a reading too: the load judges lost
     * cities and wrong values, and leaves torn readings to the checks on the store, which do not
     * depend on luck.
     */
    static void writers(RunningServer server) {
        Crowd.expect(server, FIRST_CITY + ",28,17", "BYE");
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= CLIENTS; i++) {
            int k = i % WRITERS_CITIES.size();
            lines.add(WRITERS_CITIES.get(k) + "," + (50 + k) + "," + (-i));
        }
        try (Crowd crowd = Crowd.connect(server, lines).sendAll()) {
            for (int i = 0; i < crowd.size(); i++) {
                expectBye(crowd, i);
            }
        }
        for (int k = 0; k < WRITERS_CITIES.size(); k++) {
            String city = WRITERS_CITIES.get(k);
            String reply = Crowd.ask(server, "GET " + city);
            if (reply.equals("NONE")) {
                throw new GradedFailure(TemperatureFeedback.lostCity(city, CLIENTS / WRITERS_CITIES.size()));
            }
            Optional<Reading> reading = Reading.parse(reply);
            if (reading.isEmpty()
                    || !reading.get().city().equals(city)
                    || reading.get().max() != 50 + k
                    || !isWriter(-reading.get().min(), k, WRITERS_CITIES.size())) {
                throw new GradedFailure(TemperatureFeedback.notSent("GET " + city, reply, city));
            }
        }
    }

    /**
     * Readers and writers of a few cities, interleaved; every city has a reading before they start
     * (so the writers only replace readings), and every reader must get a whole one: writer
     * {@code i} sends {@code city,i,-i}, so a mix of two readings shows.
     */
    static void readersAndWriters(RunningServer server) {
        for (int k = 0; k < READERS_CITIES.size(); k++) {
            Crowd.expect(server, READERS_CITIES.get(k) + "," + (SEEDS + k) + "," + (-SEEDS - k), "BYE");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= CLIENTS / 2; i++) {
            String city = READERS_CITIES.get(i % READERS_CITIES.size());
            lines.add(city + "," + i + "," + (-i));
            lines.add("GET " + city);
        }
        try (Crowd crowd = Crowd.connect(server, lines).sendAll()) {
            for (int i = 0; i < crowd.size(); i++) {
                if (!crowd.line(i).startsWith("GET ")) {
                    expectBye(crowd, i);
                    continue;
                }
                String city = crowd.line(i).substring("GET ".length());
                int k = READERS_CITIES.indexOf(city);
                String reply = crowd.reply(i);
                boolean seed = reply.equals(city + "," + (SEEDS + k) + "," + (-SEEDS - k));
                if (!seed && !sentByAWriter(reply, city, k, READERS_CITIES.size())) {
                    throw new GradedFailure(TemperatureFeedback.notSent(crowd.line(i), reply, city));
                }
            }
        }
    }

    /**
     * Writers and readers of a few cities with bad lines shuffled among them (a reading with max
     * &lt; min, non-numbers, missing or extra fields, cities that nobody may record): every valid
     * line is answered as usual, every bad one with ERROR, and afterwards the store holds exactly
     * what the valid lines wrote. A lock left held by a rejected line shows as a client that never
     * gets a reply. The writers of a city all send the same reading, whose maximum is also that of
     * the city's first reading: any mix of the two is one of them, so a store that tears readings
     * (judged by the forced interleavings) cannot fail this load by chance.
     */
    static void badLinesAmongWriters(RunningServer server) {
        List<Reading> seeds = new ArrayList<>();
        List<Reading> writes = new ArrayList<>();
        for (int k = 0; k < BAD_LOAD_CITIES.size(); k++) {
            seeds.add(new Reading(BAD_LOAD_CITIES.get(k), 30 + k, 10));
            writes.add(new Reading(BAD_LOAD_CITIES.get(k), 30 + k, 20));
            Crowd.expect(server, seeds.get(k).line(), "BYE");
        }
        List<String> lines = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            writes.forEach(reading -> lines.add(reading.line()));
        }
        for (String city : BAD_LOAD_CITIES) {
            lines.addAll(List.of(city + ",5,40", city + ",abc,10", city + ",30", city + ",30,10,5"));
            for (int i = 0; i < 5; i++) {
                lines.add("GET " + city);
            }
        }
        lines.addAll(List.of("Olinda,1,50", "Olinda,x,1", "Caruaru,10,40", ",30,10", "GET", "hello", "GET Olinda"));
        Collections.shuffle(lines, new Random(4));
        String badExample = BAD_LOAD_CITIES.get(0) + ",5,40";
        try (Crowd crowd = Crowd.connect(server, lines).sendAll()) {
            for (int i = 0; i < crowd.size(); i++) {
                checkLoadReply(crowd.line(i), replyDuringLoad(crowd, i, badExample), seeds, writes);
            }
        }
        for (int k = 0; k < BAD_LOAD_CITIES.size(); k++) {
            expectAfterLoad(
                    server, "GET " + BAD_LOAD_CITIES.get(k), writes.get(k).line(), badExample);
        }
        expectAfterLoad(server, "GET Olinda", "NONE", badExample);
        expectAfterLoad(server, "GET Caruaru", "NONE", badExample);
    }

    private static void expectBye(Crowd crowd, int i) {
        String reply = crowd.reply(i);
        if (!reply.equals("BYE")) {
            throw new GradedFailure(CoreFeedback.wrongReply(crowd.line(i) + "\n", "BYE", reply));
        }
    }

    /** Whether the reply is {@code city,i,-i} for a writer {@code i} of city {@code k} of {@code cities}. */
    private static boolean sentByAWriter(String reply, String city, int k, int cities) {
        Optional<Reading> reading = Reading.parse(reply);
        return reading.isPresent()
                && reading.get().city().equals(city)
                && reading.get().max() == -reading.get().min()
                && isWriter(reading.get().max(), k, cities);
    }

    /** Whether {@code i} is one of the writers of city {@code k} of {@code cities}. */
    private static boolean isWriter(int i, int k, int cities) {
        return i >= 1 && i <= CLIENTS && i % cities == k;
    }

    /** Checks one reply of the bad-input load against what its line asked for. */
    private static void checkLoadReply(String line, String reply, List<Reading> seeds, List<Reading> writes) {
        if (line.startsWith("GET ")) {
            int k = BAD_LOAD_CITIES.indexOf(line.substring("GET ".length()));
            String expected =
                    k < 0 ? "NONE" : seeds.get(k).line() + " / " + writes.get(k).line();
            boolean fine = k < 0
                    ? reply.equals("NONE")
                    : reply.equals(seeds.get(k).line())
                            || reply.equals(writes.get(k).line());
            if (!fine) {
                throw new GradedFailure(TemperatureFeedback.changedByBadLines(line, reply, expected));
            }
        } else if (writes.stream().anyMatch(reading -> reading.line().equals(line))) {
            if (!reply.equals("BYE")) {
                throw new GradedFailure(CoreFeedback.wrongReply(line + "\n", "BYE", reply));
            }
        } else if (!reply.startsWith("ERROR ")) {
            throw new GradedFailure(TemperatureFeedback.notError(line, reply));
        }
    }

    /** The reply of a client of the load; silence is told as what it most likely is, a lock left held. */
    private static String replyDuringLoad(Crowd crowd, int i, String badExample) {
        try {
            return crowd.reply(i);
        } catch (GradedFailure failure) {
            throw Crowd.whenSilent(
                    failure,
                    TemperatureFeedback.noReplyDuringLoad(
                            crowd.line(i), LineClient.READ_TIMEOUT.toSeconds(), badExample));
        }
    }

    private static void expectAfterLoad(RunningServer server, String line, String expected, String badExample) {
        String reply;
        try {
            reply = Crowd.ask(server, line);
        } catch (GradedFailure failure) {
            throw Crowd.whenSilent(
                    failure,
                    TemperatureFeedback.noReplyAfterLoad(line, LineClient.READ_TIMEOUT.toSeconds(), badExample));
        }
        if (!reply.equals(expected)) {
            throw new GradedFailure(TemperatureFeedback.changedByBadLines(line, reply, expected));
        }
    }
}
