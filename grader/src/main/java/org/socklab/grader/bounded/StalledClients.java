package org.socklab.grader.bounded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Waits;

/**
 * Clients that connect and send half a line, then stall: each one holds a handler of the server
 * (a slot) for as long as the test wants, without burning anything on either side.
 *
 * <p>A stalled client is released by sending the rest of its line; it then expects its reply and
 * leaves. Releasing, never just closing, is what ends every test that stalls clients, so that a
 * server that leaks the slot of a client that disconnects early loses only the test about such
 * clients. {@link #close()} releases whatever the test did not, quietly (the test has already
 * passed or failed by then) and within one shared deadline.
 *
 * <p>Clients are numbered from 1 in the order they connected, which is the order a server accepts
 * them. Used by the test's thread only; not thread-safe.
 */
final class StalledClients implements AutoCloseable {
    private static final String REST = "ne";

    private final List<LineClient> clients = new ArrayList<>();
    private final List<Boolean> released = new ArrayList<>();

    private StalledClients() {}

    /** Connects {@code count} clients, one after another, each sending half of its line. */
    static StalledClients open(RunningServer server, int count) {
        StalledClients stalled = new StalledClients();
        for (int number = 1; number <= count; number++) {
            LineClient client = server.connect();
            stalled.clients.add(client);
            stalled.released.add(false);
            client.send(firstHalf(number));
        }
        return stalled;
    }

    /** What client {@code number} sends before it stalls: a line without its end. */
    static String firstHalf(int number) {
        return "stalled client " + number + ", half a li";
    }

    int count() {
        return clients.size();
    }

    /** Client {@code number} finishes its line, must get it back upper-cased, and leaves. */
    void release(int number) {
        LineClient client = clients.get(number - 1);
        released.set(number - 1, true);
        String line = firstHalf(number) + REST;
        client.sendBytes((REST + "\n").getBytes(StandardCharsets.UTF_8), line + "\n");
        client.expectLine(line.toUpperCase(Locale.ROOT));
        client.close();
    }

    /** Releases, in order, every client not released yet; each must get its reply. */
    void releaseAll() {
        for (int number = 1; number <= clients.size(); number++) {
            if (!released.get(number - 1)) {
                release(number);
            }
        }
    }

    /**
     * Releases every client not released yet without judging: each finishes its line and waits
     * for whatever comes back, all within {@link Waits#EVENTUALLY}, then leaves.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + Waits.EVENTUALLY.toNanos();
        for (int i = 0; i < clients.size(); i++) {
            if (released.get(i)) {
                continue;
            }
            released.set(i, true);
            LineClient client = clients.get(i);
            try {
                client.sendBytes((REST + "\n").getBytes(StandardCharsets.UTF_8), firstHalf(i + 1) + REST + "\n");
                Outcome.read(client, Outcome.until(deadline));
            } catch (GradedFailure ignored) {
                // not judged here: the test has already passed or failed
            } finally {
                client.close();
            }
        }
    }
}
