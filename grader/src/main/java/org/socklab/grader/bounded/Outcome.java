package org.socklab.grader.bounded;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;

/**
 * What became of one client's request: a reply, or the way it went without one.
 *
 * <p>The bounded exercise needs to tell these apart, where other exercises only need "the reply or
 * a failure": a client turned away (closed or reset) is a different mistake from a client left
 * waiting (silent), and a client that left on purpose may be answered or just closed. A failure
 * that names the server itself (it crashed, it was never implemented) is not an outcome of one
 * client: it is thrown on, since it is the real cause.
 *
 * <p>The kinds are read from the observation that {@link LineClient} reports (its keys for a
 * closed connection, a reset and no reply), so the harness needs nothing new; should those keys
 * change, such failures would be thrown on unclassified, and the pins would show it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind how the request ended
 * @param line the reply, for {@link Kind#REPLIED}; otherwise empty
 */
record Outcome(Kind kind, String line) {

    /** How a request ended. */
    enum Kind {
        /** A line came back. */
        REPLIED,
        /** The server closed the connection first. */
        CLOSED,
        /** The connection was reset first. */
        RESET,
        /** Nothing at all within the time given. */
        SILENT
    }

    private static final String CLOSED_KEY = CoreFeedback.closedBeforeReply("").key();
    private static final String RESET_KEY = CoreFeedback.resetBeforeReply("").key();
    private static final String SILENT_KEY =
            CoreFeedback.noReply(Duration.ZERO, "").key();
    private static final String SEND_FAILED_KEY = CoreFeedback.sendFailed("").key();
    private static final Set<String> CLIENT_KEYS = Set.of(CLOSED_KEY, RESET_KEY, SILENT_KEY);

    /** The next line the client receives within {@code timeout}, or how it went without one. */
    static Outcome read(LineClient client, Duration timeout) {
        try {
            return new Outcome(Kind.REPLIED, client.readLine(timeout));
        } catch (GradedFailure failure) {
            String key = failure.observation().key();
            if (!CLIENT_KEYS.contains(key)) {
                throw failure;
            }
            Kind kind = key.equals(CLOSED_KEY) ? Kind.CLOSED : key.equals(RESET_KEY) ? Kind.RESET : Kind.SILENT;
            return new Outcome(kind, "");
        }
    }

    /**
     * Sends the line; a server that already closed this connection is reported as {@link Kind#CLOSED}
     * instead of failing, and empty means it was sent.
     */
    static Optional<Outcome> send(LineClient client, String line) {
        try {
            client.sendLine(line);
            return Optional.empty();
        } catch (GradedFailure failure) {
            if (!failure.observation().key().equals(SEND_FAILED_KEY)) {
                throw failure;
            }
            return Optional.of(new Outcome(Kind.CLOSED, ""));
        }
    }

    /** The outcome of client {@code number} (from 1) of several. */
    record Numbered(int number, Outcome outcome) {}

    boolean replied() {
        return kind == Kind.REPLIED;
    }

    /** The time left before {@code deadline} (a {@link System#nanoTime()}), at least 1 ms. */
    static Duration until(long deadline) {
        return Duration.ofNanos(Math.max(Duration.ofMillis(1).toNanos(), deadline - System.nanoTime()));
    }
}
