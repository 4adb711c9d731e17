package org.socklab.grader.temperature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.Waits;

/**
 * Readers and writers hammering one city of a fresh store for a short while: two writers keep
 * replacing its reading with one of two readings that share no value, two readers check that every
 * reading they get is one of them, so any reading the writers leave half-done, or that a reader
 * puts together from two, shows. It backs up the forced interleavings for stores whose lock the
 * test cannot make fair (a {@code synchronized} store that reads or writes a reading in two locked
 * steps): on a loaded two-core machine such a store showed a torn reading within 25 ms in 50 runs
 * out of 50. A correct store can never show one, so the check cannot fail it; it can only miss a
 * bug, and it is a must-not-happen window of {@link #BUDGET}.
 *
 * <p>Used by the test's thread; the four threads it starts end before it returns.
 */
final class TornReadStress {
    /** How long the threads run when nothing goes wrong. */
    static final Duration BUDGET = Duration.ofMillis(500);

    private static final Reading ONE = new Reading("Recife", 40, 10);
    private static final Reading OTHER = new Reading("Recife", 20, -5);

    private TornReadStress() {}

    /** The torn reading a reader got, if any. */
    static Optional<Feedback> run(Servers servers) {
        StoreUnderTest store = StoreUnderTest.create(servers);
        store.record(ONE.city(), ONE.max(), ONE.min());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Optional<Reading>> torn = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            boolean startWithOne = i == 0;
            threads.add(thread(
                    StoreUnderTest.describeRecord(ONE.city(), ONE.max(), ONE.min()) + " / "
                            + StoreUnderTest.describeRecord(OTHER.city(), OTHER.max(), OTHER.min()),
                    stop,
                    failure,
                    () -> {
                        boolean one = startWithOne;
                        while (!stop.get()) {
                            Reading reading = one ? ONE : OTHER;
                            store.record(reading.city(), reading.max(), reading.min());
                            one = !one;
                        }
                    }));
            threads.add(thread(StoreUnderTest.describeGet(ONE.city()), stop, failure, () -> {
                while (!stop.get()) {
                    Optional<Reading> got = store.get(ONE.city());
                    if (got.isEmpty() || !(got.get().equals(ONE) || got.get().equals(OTHER))) {
                        torn.compareAndSet(null, got);
                        stop.set(true);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        long start = System.nanoTime();
        long end = start + BUDGET.toNanos();
        while (!stop.get() && System.nanoTime() < end) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        Waits.windowPassed(start, BUDGET);
        stop.set(true);
        for (Thread thread : threads) {
            join(thread);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        Optional<Reading> got = torn.get();
        return got == null
                ? Optional.empty()
                : Optional.of(TemperatureFeedback.stressTorn(
                        got.map(Reading::line).orElse("Optional.empty"), ONE.line(), OTHER.line()));
    }

    /** A daemon thread named after the calls it makes, which is how a stuck one is reported. */
    private static Thread thread(String name, AtomicBoolean stop, AtomicReference<Throwable> failure, Runnable body) {
        Thread thread = new Thread(
                () -> {
                    try {
                        body.run();
                    } catch (Throwable thrown) {
                        failure.compareAndSet(null, thrown);
                        stop.set(true);
                    }
                },
                name);
        thread.setDaemon(true);
        return thread;
    }

    private static void join(Thread thread) {
        try {
            thread.join(Waits.EVENTUALLY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new GradedFailure(TemperatureFeedback.callStuck(thread.getName(), Waits.EVENTUALLY.toSeconds()));
        }
    }
}
