package org.socklab.grader.bounded;

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
    private final int size;
    private final String prefix;

    private Burst(int size, String prefix) {
        this.size = size;
        this.prefix = prefix;
    }

    /** A burst of {@code size} clients whose lines are {@code "<prefix> <number>"}. */
    static Burst of(int size, String prefix) {
        return new Burst(size, prefix);
    }

    int size() {
        return size;
    }

    /** What client {@code number} (from 1) sends. */
    String line(int number) {
        return prefix + " " + number;
    }

    /**
     * Runs the burst against the server: the outcome of each client in order, stopping after the
     * first {@linkplain Outcome.Kind#SILENT silent} one.
     */
    List<Outcome> run(RunningServer server) {
        List<LineClient> clients = new ArrayList<>();
        for (int number = 1; number <= size; number++) {
            clients.add(server.connect());
        }
        List<Optional<Outcome>> sent = new ArrayList<>();
        for (int number = 1; number <= size; number++) {
            sent.add(Outcome.send(clients.get(number - 1), line(number)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
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
