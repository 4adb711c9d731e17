package org.socklab.grader.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.RunningServer;

/**
 * Clients that ask {@code STATS} again and again, each on a thread of its own, while a
 * {@link ReadingLoad} runs, until they have asked a given number of times between them. Each one
 * judges its own answers in order with a {@link LoadAnswers}; the first failure stops them all.
 *
 * <p>Why several: a missing lock shows up only when a {@code STATS} handler reads the statistics
 * at the very moment the processor changes them, so the more reads overlap the updates, the
 * surer the catch; a correct server answers them all anyway.
 *
 * <p>Thread-safe: {@link #start} and {@link #awaitAll} are called by the test's thread; the askers
 * share only atomics.
 */
final class StatsAskers implements AutoCloseable {
    private final RunningServer server;
    private final int total;
    private final List<String> first;
    private final int firstNumber;
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicReference<GradedFailure> failure = new AtomicReference<>();
    private final List<Thread> askers = new ArrayList<>();

    private StatsAskers(RunningServer server, int total, List<String> first, int firstNumber) {
        this.server = server;
        this.total = total;
        this.first = first;
        this.firstNumber = firstNumber;
    }

    /**
     * Starts {@code count} askers that ask {@code total} times in all; {@code first} is an answer
     * already seen, naming {@code Carga-firstNumber}, which no later answer may go below.
     */
    static StatsAskers start(RunningServer server, int count, int total, List<String> first, int firstNumber) {
        StatsAskers askers = new StatsAskers(server, total, first, firstNumber);
        for (int i = 0; i < count; i++) {
            Thread asker = new Thread(askers::ask, "socklab-stats-asker-" + i);
            asker.setDaemon(true);
            askers.askers.add(asker);
            asker.start();
        }
        return askers;
    }

    /** Waits until every asker is done, and fails with the first problem any of them met. */
    void awaitAll() {
        joinAll();
        GradedFailure first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    /** Stops the askers after their current request and waits for them. */
    @Override
    public void close() {
        asked.set(total);
        joinAll();
    }

    private void joinAll() {
        for (Thread asker : askers) {
            try {
                asker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void ask() {
        LoadAnswers answers = new LoadAnswers(first, firstNumber);
        int number;
        while (failure.get() == null && (number = asked.incrementAndGet()) <= total) {
            try {
                List<String> answer;
                try {
                    answer = Stats.ask(server);
                } catch (GradedFailure e) {
                    throw new GradedFailure(
                            server.diagnosis().orElse(QueueFeedback.loadNoAnswer(number, e.observation())), e);
                }
                answers.check(number, answer);
            } catch (GradedFailure e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
