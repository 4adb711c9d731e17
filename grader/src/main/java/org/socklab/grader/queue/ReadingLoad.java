package org.socklab.grader.queue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final InetSocketAddress address;
    private final AtomicInteger next;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<String> failure = new AtomicReference<>();
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
                String reply = readLine(socket.getInputStream());
                if (!"BYE".equals(reply)) {
                    fail(reading + " -> " + (reply == null ? "(connection closed)" : reply));
                }
            } catch (IOException e) {
                fail(reading + " -> " + e);
            }
        }
    }

    private void fail(String what) {
        failure.compareAndSet(null, what);
        running.set(false);
    }

    /** The next line; one without end past {@link LineClient#MAX_BYTES} is returned cut there (it is wrong anyway). */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
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
