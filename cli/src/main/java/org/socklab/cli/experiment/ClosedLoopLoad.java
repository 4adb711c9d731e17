package org.socklab.cli.experiment;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The load of one case, as in the course's notes ({@code ab -n ... -c N}): N clients at once, each
 * a closed loop that sends a request, waits for the whole reply, then sends the next, a fixed
 * number of times. Each client records its response times (connect to the server's close) into
 * its own HdrHistogram; they are added up at the end. A closed loop has no intended send rate, so
 * there is no coordinated-omission correction to apply, as with {@code ab}: a slow server simply
 * gets fewer requests per second, which the throughput shows.
 *
 * <p>The case is bounded: no request starts after its deadline, and each read waits at most until
 * the deadline (and never more than {@link HelloExchange#MAX_WAIT}), so a server that never answers
 * costs the bound, and the case says that it ran out.
 *
 * <p>Stateless: each {@link #run} uses threads of its own and joins them before it returns.
 */
final class ClosedLoopLoad {
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private ClosedLoopLoad() {}

    /** Sends {@code requests} requests from each of {@code clients} clients at once, within {@code bound}. */
    static CaseResult run(Server server, InetSocketAddress address, int clients, int requests, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        CountDownLatch start = new CountDownLatch(1);
        List<Client> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(address, requests, deadline, start);
            all.add(client);
            client.thread.start();
        }
        long began = System.nanoTime();
        start.countDown();
        Histogram times = new Histogram(HIGHEST_MICROS, 3);
        int completed = 0;
        int failed = 0;
        for (Client client : all) {
            client.join(deadline);
            synchronized (client) {
                times.add(client.times);
                completed += client.completed;
                failed += client.failed;
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        int planned = clients * requests;
        boolean ranOut = completed + failed < planned;
        return new CaseResult(
                server,
                clients,
                planned,
                completed,
                failed,
                ranOut,
                bound,
                elapsed,
                millis(times.getMean()),
                millis(times.getValueAtPercentile(50)),
                millis(times.getValueAtPercentile(90)),
                millis(times.getValueAtPercentile(99)),
                millis(times.getMaxValue()));
    }

    private static double millis(double micros) {
        return micros / 1000.0;
    }

    /** One closed-loop client on a thread of its own; its counts are read after it ends. */
    private static final class Client implements Runnable {
        private final InetSocketAddress address;
        private final int requests;
        private final long deadline;
        private final CountDownLatch start;
        private final Thread thread;
        private final Histogram times = new Histogram(HIGHEST_MICROS, 3);
        private int completed;
        private int failed;

        Client(InetSocketAddress address, int requests, long deadline, CountDownLatch start) {
            this.address = address;
            this.requests = requests;
            this.deadline = deadline;
            this.start = start;
            this.thread = new Thread(this, "socklab-experiment-client");
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int i = 0; i < requests && System.nanoTime() < deadline; i++) {
                long began = System.nanoTime();
                boolean ok = HelloExchange.exchange(address, deadline);
                long micros = Math.max(1, (System.nanoTime() - began) / 1000);
                synchronized (this) {
                    if (ok) {
                        times.recordValue(Math.min(micros, HIGHEST_MICROS));
                        completed++;
                    } else if (System.nanoTime() < deadline) {
                        failed++;
                    }
                }
            }
        }

        void join(long deadline) {
            long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + HelloExchange.MAX_WAIT.toMillis();
            try {
                thread.join(Math.max(1, wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
