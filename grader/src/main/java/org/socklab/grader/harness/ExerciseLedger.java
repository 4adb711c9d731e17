package org.socklab.grader.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * What one exercise's earlier tests in child JVMs already paid for, so that a later test does not
 * pay it again: that is what keeps a hostile exercise within a few seconds of a correct one.
 *
 * <ul>
 *   <li>A reason no later test can escape ({@linkplain #lose lost}): a class of the submission
 *       whose static initializer never ends, a direct check that never reported, a child JVM that
 *       never connected or never listened. Every later test of the exercise, server or direct
 *       check, fails at once with the same reason.</li>
 *   <li>A {@code serve} that did not return within {@link InProcessServer#STOP_DEADLINE} once its
 *       listener was closed: that fails the first test where it happens, and the child is
 *       replaced. Later tests still run (each on a fresh child if need be); they wait only
 *       {@link #STOP_GRACE} for {@code serve} to return, and are not failed for it again.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
final class ExerciseLedger {
    /**
     * How long a later test waits for a {@code serve} that already once failed to return: a
     * correct one returns within milliseconds of its listener closing; past this, its child is
     * replaced (a JVM start) rather than waited for.
     */
    static final Duration STOP_GRACE = Duration.ofMillis(500);

    private final AtomicReference<Feedback> lost = new AtomicReference<>();
    private final AtomicBoolean stopCharged = new AtomicBoolean();

    /** From now on, every test of the exercise fails at once with {@code reason} (the first reason wins). */
    void lose(Feedback reason) {
        lost.compareAndSet(null, reason);
    }

    Optional<Feedback> lost() {
        return Optional.ofNullable(lost.get());
    }

    /** Fails at once if the exercise is lost. */
    void requireNotLost() {
        Feedback reason = lost.get();
        if (reason != null) {
            throw new GradedFailure(reason);
        }
    }

    /** How long to wait for {@code serve} to return after its listener was closed. */
    Duration stopDeadline() {
        return stopCharged.get() ? STOP_GRACE : InProcessServer.STOP_DEADLINE;
    }

    /** Records a {@code serve} that did not return; true the first time only (that test is failed for it). */
    boolean chargeStop() {
        return stopCharged.compareAndSet(false, true);
    }
}
