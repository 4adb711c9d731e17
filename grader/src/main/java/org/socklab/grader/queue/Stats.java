package org.socklab.grader.queue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Shown;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Waits;

/**
 * The grader's side of the protocol: sending a reading, asking {@code STATS}, and waiting with a
 * deadline until {@code STATS} shows what the readings sent so far must give.
 *
 * <p>Waiting is the point: {@code BYE} means "queued", not "processed", so a test never expects a
 * reading in the very next {@code STATS}; it asks again until the answer is right or
 * {@link Waits#EVENTUALLY} has passed. A correct server pays only its real latency. Stateless.
 */
final class Stats {
    static final String EMPTY = "EMPTY";

    private Stats() {}

    /** The two lines of a {@code STATS} answer. */
    static List<String> answer(String hottestCity, int max, String coldestCity, int min) {
        return List.of("HOTTEST," + hottestCity + "," + max, "COLDEST," + coldestCity + "," + min);
    }

    /** The answer when one city holds both records. */
    static List<String> answer(String city, int max, int min) {
        return answer(city, max, city, min);
    }

    /** Sends a reading on a connection of its own and expects {@code BYE}. */
    static void send(RunningServer server, String reading) {
        try (LineClient client = server.connect()) {
            client.sendLine(reading).expectLine("BYE");
        }
    }

    /**
     * Asks {@code STATS} once on a fresh connection: the two lines when the first one starts with
     * {@code HOTTEST,}, else the single line received ({@code EMPTY}, or whatever came instead).
     */
    static List<String> ask(RunningServer server) {
        try (LineClient client = server.connect()) {
            String first = client.sendLine("STATS").readLine();
            if (!first.startsWith("HOTTEST,")) {
                return List.of(first);
            }
            return List.of(first, client.readLine());
        }
    }

    /** An answer as shown in a message: its lines, quoted, with the newline between them visible. */
    static Feedback shown(List<String> answer) {
        return Shown.text(String.join("\n", answer));
    }

    /**
     * Asks {@code STATS} until it answers exactly {@code expected}.
     *
     * @param otherwise the observation to report when it never does, given the last answer as shown (a text, or a message when there was none)
     */
    static void await(RunningServer server, List<String> expected, Function<Object, Feedback> otherwise) {
        awaitMatching(server, expected::equals, otherwise);
    }

    /**
     * Asks {@code STATS} until an answer satisfies {@code wanted}, and returns that answer. An attempt
     * that gets no answer at all (the connection closed, nothing within the read timeout) counts as
     * "not yet": only the deadline decides.
     *
     * @param otherwise the observation to report when none does, given the last answer as shown (a text, or a message when there was none)
     */
    static List<String> awaitMatching(
            RunningServer server, Predicate<List<String>> wanted, Function<Object, Feedback> otherwise) {
        AtomicReference<List<String>> found = new AtomicReference<>();
        AtomicReference<Object> last = new AtomicReference<>(QueueFeedback.noAnswerYet());
        try {
            Waits.eventually(QueueFeedback.statsAnswerWait(), () -> {
                List<String> answer;
                try {
                    answer = ask(server);
                } catch (GradedFailure e) {
                    last.set(e.observation());
                    throw e;
                }
                last.set(shown(answer));
                if (!wanted.test(answer)) {
                    throw new AssertionError("not the expected answer");
                }
                found.set(answer);
            });
        } catch (GradedFailure e) {
            throw new GradedFailure(otherwise.apply(last.get()), e);
        }
        return found.get();
    }
}
