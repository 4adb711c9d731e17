package org.socklab.grader.bounded;

import java.time.Duration;
import java.util.Locale;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;

/**
 * Observations particular to the bounded exercise, as named factories. Each one says what the
 * clients of the test saw, with the bound the server was given. Stateless.
 */
final class BoundedFeedback {
    private static final MessageBundle MESSAGES = Exercise.BOUNDED.messages();

    private BoundedFeedback() {}

    static Feedback extraAnswered(int bound, int extra, String reply) {
        return Feedback.of(MESSAGES, "extra.answered", bound, extra, Shown.text(reply));
    }

    /** The waiting client was not served after a stalled client finished: closed, reset or silent. */
    static Feedback waitingNotServed(Outcome.Kind kind, int bound, int extra, Duration waited) {
        return Feedback.of(MESSAGES, "waiting." + kindKey(kind), bound, extra, waited.toSeconds());
    }

    static Feedback burstLost(int size, int bound, int closed, int reset, int first) {
        return Feedback.of(MESSAGES, "burst.lost", closed + reset, size, bound, closed, reset, first);
    }

    /** What the window of a burst watches for: a client turned away before it sent its line. */
    static Feedback burstTurnedAway(int bound, int size) {
        return Feedback.of(MESSAGES, "burst.turnedAway", bound, size);
    }

    /** What happened to a client of a burst that had not sent anything yet. */
    static Feedback burstDisturbed(Outcome.Numbered client) {
        return Feedback.of(
                MESSAGES,
                "burst.early." + kindKey(client.outcome().kind()),
                client.number(),
                Shown.text(client.outcome().line()));
    }

    static Feedback burstSilent(int size, int bound, int number, Duration waited, int servedBefore) {
        return Feedback.of(MESSAGES, "burst.silent", size, bound, number, waited.toSeconds(), servedBefore);
    }

    static Feedback cpuBurned(int bound, int extra, Duration cpu, Duration wall) {
        long percent = Math.round(100.0 * cpu.toNanos() / Math.max(1, wall.toNanos()));
        return Feedback.of(MESSAGES, "cpu.burned", bound, extra, cpu.toMillis(), wall.toMillis(), percent);
    }

    /** What a wait on the thread count is called, while clients stall. */
    static Feedback threadsWhileStalled(int bound, int stalled, int limit, int baseline, int slack) {
        return Feedback.of(MESSAGES, "threads.whileStalled", bound, stalled, limit, baseline, slack);
    }

    /** What a wait on the thread count is called, after a burst. */
    static Feedback threadsAfterBurst(int burst, int bursts, int size, int bound, int limit, int baseline, int slack) {
        return Feedback.of(MESSAGES, "threads.afterBurst", burst, bursts, size, bound, limit, baseline, slack);
    }

    static Feedback threadsCounted(int live) {
        return Feedback.of(MESSAGES, "threads.counted", live);
    }

    static Feedback leaverNotTakenIn(int bound, int resets, int closes, int number, Duration waited) {
        return Feedback.of(
                MESSAGES, "leaver.notTakenIn", bound, resets + closes, resets, closes, number, waited.toSeconds());
    }

    /** What the wait for a client served after the leavers is called. */
    static Feedback servedAfterLeavers(int bound, int leavers) {
        return Feedback.of(MESSAGES, "afterLeavers.served", bound, leavers);
    }

    private static String kindKey(Outcome.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
