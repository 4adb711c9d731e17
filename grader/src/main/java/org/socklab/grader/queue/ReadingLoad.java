package org.socklab.grader.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.harness.LineClient;

/**
 * Producers that keep sending readings of new cities until stopped, each on a thread of its own
 * and on a fresh connection per reading, like many weather stations reporting at once.
 *
 * <p>Reading number {@code n} is {@link #reading(int) Carga-n,n,-n}: its max is its number and its
 * min the opposite, so at any moment the hottest and the coldest city are the same one, the
 * newest processed, and an answer naming two different cities was taken half before and half
 * after an update.
 *
 * <p>The producers use plain sockets rather than {@link LineClient}s, so that thousands of
 * connections are not all kept until the server stops; each socket still has a read timeout, and
 * the first thing that goes wrong stops that producer and is kept for the test to report.
 *
 * <p>Thread-safe: {@link #start} and {@link #close} are called by the test's thread; the producers
 * share only atomics.
 */
final class ReadingLoad implements AutoCloseable {
    /** How many more read timeouts a producer waits for its reply while the server still answers others. */
    private static final int PATIENCE = 5;

    private final InetSocketAddress address;
    private final AtomicInteger next;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<String> failure = new AtomicReference<>();
    /** Replies received by all producers so far: the server's progress, which tells slow from stopped. */
    private final AtomicLong answered = new AtomicLong();

    private final List<Thread> producers = new ArrayList<>();

    private ReadingLoad(InetSocketAddress address, int lastNumberUsed) {
        this.address = address;
        this.next = new AtomicInteger(lastNumberUsed);
    }

    /** Starts {@code count} producers; their readings are numbered from {@code lastNumberUsed + 1}. */
    static ReadingLoad start(InetSocketAddress address, int count, int lastNumberUsed) {
        ReadingLoad load = new ReadingLoad(address, lastNumberUsed);
        for (int i = 0; i < count; i++) {
            Thread producer = new Thread(load::produce, "socklab-load-producer-" + i);
            producer.setDaemon(true);
            load.producers.add(producer);
            producer.start();
        }
        return load;
    }

    /** The reading number {@code n} sends. */
    static String reading(int n) {
        return city(n) + "," + n + "," + (-n);
    }

    static String city(int n) {
        return "Carga-" + n;
    }

    /** The first problem a producer met, if any: the reading it sent and what happened. */
    Optional<String> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops the producers and waits for them (each is at most one read timeout away from noticing). */
    @Override
    public void close() {
        running.set(false);
        for (Thread producer : producers) {
            try {
                producer.join(LineClient.READ_TIMEOUT.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void produce() {
        while (running.get()) {
            String reading = reading(next.incrementAndGet());
            try (Socket socket = new Socket()) {
                socket.setSoTimeout((int) LineClient.READ_TIMEOUT.toMillis());
                socket.connect(address, (int) LineClient.READ_TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write((reading + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String reply = awaitReply(socket.getInputStream());
                if (!"BYE".equals(reply)) {
                    fail(reading + " -> " + (reply == null ? "(connection closed)" : reply));
                }
                answered.incrementAndGet();
            } catch (IOException e) {
                fail(reading + " -> " + e);
            }
        }
    }

    private void fail(String what) {
        failure.compareAndSet(null, what);
        running.set(false);
    }

    /**
     * Reads the reply, telling a slow server from one that never answers: a read that times out
     * while other producers got their replies meanwhile is given another read timeout, up to
     * {@value #PATIENCE} times; one during which nobody got a reply is a server that stopped.
     */
    private String awaitReply(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long seen = answered.get();
        for (int extensions = 0; ; extensions++) {
            try {
                return readLine(in, line);
            } catch (SocketTimeoutException slow) {
                long now = answered.get();
                if (now == seen || extensions >= PATIENCE) {
                    throw slow;
                }
                seen = now;
            }
        }
    }

    /**
     * Reads up to {@code '\n'} into {@code line}, which keeps what was read if the read times out;
     * a line without end past {@link LineClient#MAX_BYTES} is returned cut there (it is wrong anyway).
     */
    private static String readLine(InputStream in, ByteArrayOutputStream line) throws IOException {
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n' || line.size() >= LineClient.MAX_BYTES) {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
        return null;
    }
}
