package org.socklab.grader.bounded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;

/**
 * Many clients arriving at once: all of them connect first, then each sends its line, then each
 * reply is read in turn and its client leaves. Connecting everyone before anyone sends makes the
 * crowd real: while the first N hold their handlers waiting for a line, all the others are already
 * queued at the server.
 *
 * <p>Each reply gets the usual {@link LineClient#READ_TIMEOUT}, counted from the previous one; the
 * first client that gets nothing within it ends the reading, so that a stuck server costs one
 * timeout, not one per client.
 *
 * <p>Used by the test's thread only; not thread-safe.
 */
final class Burst {
    /** How long a look at one waiting client takes: it is expected to have received nothing. */
    private static final Duration GLANCE = Duration.ofMillis(1);

    private final String prefix;
    private final List<LineClient> clients = new ArrayList<>();

    private Burst(String prefix) {
        this.prefix = prefix;
    }

    /** Connects {@code size} clients, one after another; their lines will be {@code "<prefix> <number>"}. */
    static Burst connect(RunningServer server, int size, String prefix) {
        Burst burst = new Burst(prefix);
        for (int number = 1; number <= size; number++) {
            burst.clients.add(server.connect());
        }
        return burst;
    }

    int size() {
        return clients.size();
    }

    /** What client {@code number} (from 1) sends. */
    String line(int number) {
        return prefix + " " + number;
    }

    /**
     * The first client, by number, to which something already happened although it has sent
     * nothing yet (the server closed or reset it, or wrote to it), and what; empty if none.
     */
    Optional<Outcome.Numbered> firstDisturbed() {
        for (int i = 0; i < clients.size(); i++) {
            Outcome outcome = Outcome.read(clients.get(i), GLANCE);
            if (outcome.kind() != Outcome.Kind.SILENT) {
                return Optional.of(new Outcome.Numbered(i + 1, outcome));
            }
        }
        return Optional.empty();
    }

    /**
     * Every client sends its line, then the replies are read in order, each client leaving once
     * it has its own: the outcome of each client, stopping after the first
     * {@linkplain Outcome.Kind#SILENT silent} one.
     */
    List<Outcome> sendAndRead() {
        List<Optional<Outcome>> sent = new ArrayList<>();
        for (int number = 1; number <= clients.size(); number++) {
            sent.add(Outcome.send(clients.get(number - 1), line(number)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            try (LineClient client = clients.get(i)) {
                Outcome outcome = sent.get(i).orElseGet(() -> Outcome.read(client, LineClient.READ_TIMEOUT));
                outcomes.add(outcome);
                if (outcome.kind() == Outcome.Kind.SILENT) {
                    break;
                }
            }
        }
        clients.forEach(LineClient::close);
        return outcomes;
    }
}
