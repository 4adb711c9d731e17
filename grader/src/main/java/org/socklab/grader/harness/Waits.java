package org.socklab.grader.harness;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
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
 * <p>Every deliberate window ({@link #never}, {@link #pause}, or one a test times itself and
 * reports with {@link #windowPassed}) is counted in the running test's {@link Floor}: the time a
 * correct solution cannot avoid, which a benchmark compares the grading's wall time with.
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

    private Waits() {}

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
            throw new GradedFailure(
                    CoreFeedback.notTrueWithin(
                            alias, deadline, lastObservation(e.getCause() != null ? e.getCause() : e)),
                    e);
        } catch (Hopeless e) {
            throw new GradedFailure(CoreFeedback.notTrueWithin(alias, deadline, e.failure.observation()), e.failure);
        }
    }

    /**
     * For an {@link #eventually} condition that has seen it can no longer become true (a thread
     * that burns CPU where a correct one blocks, say): thrown instead of {@code observed}, it ends
     * the wait at once, with the verdict and the message the wait would have had at its deadline.
     * "Never" then costs a student no more than a bug seen at once.
     */
    public static RuntimeException hopeless(GradedFailure observed) {
        return new Hopeless(observed);
    }

    /** The signal of {@link #hopeless}: never escapes {@link #eventually}. */
    private static final class Hopeless extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient GradedFailure failure;

        Hopeless(GradedFailure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * Checks that the assertion holds at every poll throughout {@code window}, and fails at the
     * first poll where it does not. (Awaitility's {@code during} would instead wait for a later
     * quiet stretch, which is not "never".) Under load the polls are fewer: a bug may be missed,
     * a correct server is never failed.
     */
    public static void never(Feedback alias, Duration window, ThrowingRunnable assertion) {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        try {
            do {
                try {
                    assertion.run();
                } catch (AssertionError e) {
                    throw new GradedFailure(CoreFeedback.happened(alias, window, lastObservation(e)), e);
                } catch (Throwable e) {
                    throw new GradedFailure(CoreFeedback.testError(e), e);
                }
                LockSupport.parkNanos(POLL.toNanos());
            } while (System.nanoTime() < end);
        } finally {
            windowPassed(start, window);
        }
    }

    /**
     * Lets {@code length} pass on the test's thread: a span over which something is measured (CPU
     * time, a stress), never a synchronization. Counted in the test's {@link Floor}.
     */
    public static void pause(Duration length) {
        long start = System.nanoTime();
        long end = start + length.toNanos();
        for (long left = length.toNanos(); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        FloorMeter.window(length);
    }

    /**
     * Counts a deliberate window that began at {@code start} (a {@link System#nanoTime()}) and
     * has just ended, early or not, in the test's {@link Floor}: its length when it ran out,
     * what passed of it when it ended early (a bug seen at once).
     */
    public static void windowPassed(long start, Duration window) {
        FloorMeter.window(Duration.ofNanos(Math.min(window.toNanos(), System.nanoTime() - start)));
    }

    /** What a failed assertion observed: its message as a value when it has one, else its text. */
    private static Object lastObservation(Throwable thrown) {
        return thrown instanceof GradedFailure failure ? failure.observation() : String.valueOf(thrown.getMessage());
    }
}
