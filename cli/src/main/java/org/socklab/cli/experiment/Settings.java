package org.socklab.cli.experiment;

import java.time.Duration;
import java.util.List;

/**
 * What one run of the experiment does.
 *
 * @param clients the numbers of simultaneous clients, one case each, in order
 * @param requests requests per client in each case
 * @param hold how long each request is held before it reaches the server
 * @param caseBound the time bound of each case
 * @param compare whether the sequential baseline is measured too
 */
record Settings(List<Integer> clients, int requests, Duration hold, Duration caseBound, boolean compare) {
    static final List<Integer> DEFAULT_CLIENTS = List.of(1, 2, 5, 10);
    static final int MAX_CLIENTS = 200;
    static final int MAX_REQUESTS = 100_000;
    static final Duration MAX_HOLD = Duration.ofSeconds(1);
    static final Duration MAX_CASE_BOUND = Duration.ofHours(1);

    Settings {
        clients = List.copyOf(clients);
    }

    /**
     * Checks the limits, before any work.
     *
     * @throws ExperimentFailure (a usage error) naming the value out of bounds
     */
    Settings checked() {
        if (clients.isEmpty()) {
            throw ExperimentFailure.usage(Messages.of("error.range", "--clients", "", 1, MAX_CLIENTS));
        }
        for (int count : clients) {
            within("--clients", count, 1, MAX_CLIENTS);
        }
        within("--requests", requests, 1, MAX_REQUESTS);
        within("--hold", hold.toMillis(), 0, MAX_HOLD.toMillis());
        within("--case-timeout", caseBound.toSeconds(), 1, MAX_CASE_BOUND.toSeconds());
        return this;
    }

    /** The servers measured, in the table's order. */
    List<Server> servers() {
        return compare ? List.of(Server.SEQUENTIAL_BASELINE, Server.SUBMISSION) : List.of(Server.SUBMISSION);
    }

    private static void within(String option, long value, long least, long most) {
        if (value < least || value > most) {
            throw ExperimentFailure.usage(Messages.of("error.range", option, Long.toString(value), least, most));
        }
    }
}
