package org.socklab.grader.harness;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.ThrowingRunnable;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * The two kinds of waiting a graded test does, on top of Awaitility, each named by an alias (a
 * message) that a student reads when it fails.
 *
 * <ul>
 *   <li>{@link #eventually}: something must happen; a generous deadline, since a correct server
 *       only ever pays its real latency.</li>
 *   <li>{@link #never}: something must not happen during a short window; under load such a check
 *       can only miss a bug, never fail a correct server. Keep these few: they are wall time.</li>
 * </ul>
 *
 * <p>Conditions are polled on the test's own thread (no extra thread shows up in thread counts)
 * and uncaught exceptions of other threads are left alone: a student's handler thread that dies
 * when a test closes its socket is not a test failure. Stateless and thread-safe.
 */
public final class Waits {
    /** The deadline for things that must happen. */
    public static final Duration EVENTUALLY = Duration.ofSeconds(10);
    /** The window for things that must not happen. */
    public static final Duration WINDOW = Duration.ofSeconds(1);

    private static final Duration POLL = Duration.ofMillis(20);

    private Waits() {
    }

    /** Waits until the assertion holds, within {@link #EVENTUALLY}. */
    public static void eventually(Feedback alias, ThrowingRunnable assertion) {
        eventually(alias, EVENTUALLY, assertion);
    }

    /** Waits until the assertion holds, within {@code deadline}. */
    public static void eventually(Feedback alias, Duration deadline, ThrowingRunnable assertion) {
        try {
            Awaitility.await(alias.key())
                    .atMost(deadline)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL)
                    .pollInSameThread()
                    .dontCatchUncaughtExceptions()
                    .untilAsserted(assertion);
        } catch (ConditionTimeoutException e) {
            throw new GradedFailure(CoreFeedback.notTrueWithin(alias, deadline,
                    lastObservation(e.getCause() != null ? e.getCause() : e)), e);
        }
    }

    /**
     * Checks that the assertion holds at every poll throughout {@code window}, and fails at the
     * first poll where it does not. (Awaitility's {@code during} would instead wait for a later
     * quiet stretch, which is not "never".) Under load the polls are fewer: a bug may be missed,
     * a correct server is never failed.
     */
    public static void never(Feedback alias, Duration window, ThrowingRunnable assertion) {
        long end = System.nanoTime() + window.toNanos();
        do {
            try {
                assertion.run();
            } catch (AssertionError e) {
                throw new GradedFailure(CoreFeedback.happened(alias, window, lastObservation(e)), e);
            } catch (Throwable e) {
                throw new GradedFailure(CoreFeedback.testError(e), e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(POLL.toNanos());
        } while (System.nanoTime() < end);
    }

    /** What a failed assertion observed: its message as a value when it has one, else its text. */
    private static Object lastObservation(Throwable thrown) {
        return thrown instanceof GradedFailure failure ? failure.observation() : String.valueOf(thrown.getMessage());
    }
}
