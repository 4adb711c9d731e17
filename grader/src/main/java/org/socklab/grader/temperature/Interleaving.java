package org.socklab.grader.temperature;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.Waits;

/**
 * Two calls to a fresh store, interleaved on purpose instead of by chance: the first call is held
 * inside its first operation on the store's map (so it holds whatever lock the store takes around
 * it), then the second call is started and the test waits for one of two events:
 * <ul>
 *   <li>the second call enters a map operation too: two threads are inside the map at once;</li>
 *   <li>the second call waits for a lock held by the first one (the JVM's own view of the thread:
 *       blocked on a monitor, or parked on a lock, with the first thread as owner): the store is
 *       guarded, and, the lock being fair, the second call is the next to get it.</li>
 * </ul>
 * Then the first call is released, both finish, and the {@link Trace} of their map operations is
 * what the tests judge. Every step waits for an event with the {@link Waits#EVENTUALLY} deadline;
 * nothing depends on timing, so a correct store passes whatever the load.
 *
 * <p>Used by the test's thread only. The two calls run on threads of their own.
 */
final class Interleaving {
    private static final Duration POLL = Duration.ofMillis(1);

    private Interleaving() {}

    /** One call of the interleaving: who makes it, and what it does to the store. */
    record Step(Call call, Function<StoreUnderTest, Optional<Reading>> action) {

        static Step record(String who, String city, int max, int min) {
            return new Step(Call.record(who, city, max, min), store -> {
                store.record(city, max, min);
                return Optional.empty();
            });
        }

        static Step get(String who, String city) {
            return new Step(Call.get(who, city), store -> store.get(city));
        }
    }

    /**
     * Runs the two steps on a fresh store whose city {@code seed} already holds a reading.
     *
     * @throws GradedFailure if a call throws, never reaches the map, or never returns
     * @throws org.socklab.grader.feedback.NotApplicable if the store keeps no map that can be watched
     */
    static Trace run(Servers servers, Reading seed, Step first, Step second) {
        StoreUnderTest store = StoreUnderTest.create(servers);
        store.record(seed.city(), seed.max(), seed.min()); // also loads every class the calls need
        store.get(seed.city());
        StoreWatch watch = StoreWatch.install(store); // after the first calls: a stub fails on them first
        watch.holdFirstOperationOf(first.call());
        Worker one = Worker.start(watch, store, first);
        Worker two = null;
        try {
            awaitHeld(watch, one);
            two = Worker.start(watch, store, second);
            awaitEnteredOrWaiting(watch, two, one);
        } finally {
            watch.release();
        }
        one.finish();
        two.finish();
        return new Trace(
                watch.events(), first.call(), second.call(), one.result(), two.result(), store.get(seed.city()));
    }

    /** Waits until the first call is held inside its first map operation. */
    private static void awaitHeld(StoreWatch watch, Worker one) {
        long deadline = System.nanoTime() + Waits.EVENTUALLY.toNanos();
        Call call = one.step.call();
        try {
            while (!watch.awaitHeld(POLL)) {
                if (!one.thread.isAlive()) {
                    one.rethrowIfFailed();
                    throw new GradedFailure(TemperatureFeedback.returnedWithoutMap(
                            call.toString(), String.join(", ", watch.watchedFields())));
                }
                if (System.nanoTime() > deadline) {
                    throw new GradedFailure(TemperatureFeedback.neverReachedMap(
                            call.toString(), Waits.EVENTUALLY.toSeconds(), String.join(", ", watch.watchedFields())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + call, e);
        }
    }

    /** Waits until the second call is inside the map, waits for the first call's lock, or is done. */
    private static void awaitEnteredOrWaiting(StoreWatch watch, Worker two, Worker one) {
        long deadline = System.nanoTime() + Waits.EVENTUALLY.toNanos();
        while (!watch.touched(two.step.call()) && !two.waitsForLockOf(one) && two.thread.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new GradedFailure(TemperatureFeedback.neitherEnteredNorWaited(
                        two.step.call().toString(),
                        one.step.call().toString(),
                        watch.held().operationShown(),
                        Waits.EVENTUALLY.toSeconds()));
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** A thread making one call, and what came of it. */
    private static final class Worker {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final Step step;
        private final Thread thread;
        private final AtomicReference<Optional<Reading>> result = new AtomicReference<>(Optional.empty());
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Worker(StoreWatch watch, StoreUnderTest store, Step step) {
            this.step = step;
            this.thread = new Thread(
                    () -> {
                        watch.bind(step.call());
                        try {
                            result.set(step.action().apply(store));
                        } catch (Throwable thrown) {
                            failure.set(thrown);
                        } finally {
                            watch.unbind();
                        }
                    },
                    "socklab-" + step.call().who().replace(' ', '-'));
            thread.setDaemon(true);
        }

        static Worker start(StoreWatch watch, StoreUnderTest store, Step step) {
            Worker worker = new Worker(watch, store, step);
            worker.thread.start();
            return worker;
        }

        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the bytecode is 17
        boolean waitsForLockOf(Worker other) {
            ThreadInfo info = THREADS.getThreadInfo(thread.getId());
            if (info == null || info.getLockInfo() == null) {
                return false;
            }
            Thread.State state = info.getThreadState();
            boolean waiting = state == Thread.State.BLOCKED
                    || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING;
            long owner = info.getLockOwnerId();
            // -1: a lock without a single owner, such as a read lock held by the other call
            return waiting && (owner == other.thread.getId() || owner == -1);
        }

        /** Waits for the call to return, then reports what it threw, if anything. */
        void finish() {
            try {
                thread.join(Waits.EVENTUALLY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                throw new GradedFailure(
                        TemperatureFeedback.callStuck(step.call().toString(), Waits.EVENTUALLY.toSeconds()));
            }
            rethrowIfFailed();
        }

        void rethrowIfFailed() {
            Throwable thrown = failure.get();
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
        }

        Optional<Reading> result() {
            return result.get();
        }
    }
}
