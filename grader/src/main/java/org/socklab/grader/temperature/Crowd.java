package org.socklab.grader.temperature;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;

/**
 * Many clients of one server, one request line each, made to overlap: every client connects first
 * (so the server has a handler waiting for each), then every line is sent, then every reply is
 * read. The handlers then race for the store as hard as the machine allows. Each client reads with
 * the {@link LineClient#READ_TIMEOUT} deadline.
 *
 * <p>Used by the test's thread only.
 */
final class Crowd implements AutoCloseable {
    private final List<String> lines;
    private final List<LineClient> clients = new ArrayList<>();

    private Crowd(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Connects one client per line; the lines are not sent yet. */
    static Crowd connect(RunningServer server, List<String> lines) {
        Crowd crowd = new Crowd(lines);
        try {
            for (int i = 0; i < lines.size(); i++) {
                crowd.clients.add(server.connect());
            }
        } catch (RuntimeException | Error e) {
            crowd.close();
            throw e;
        }
        return crowd;
    }

    /** Sends each client's line, all in a row. */
    Crowd sendAll() {
        for (int i = 0; i < lines.size(); i++) {
            clients.get(i).sendLine(lines.get(i));
        }
        return this;
    }

    int size() {
        return lines.size();
    }

    String line(int i) {
        return lines.get(i);
    }

    /** The reply of client {@code i}; a missing one fails as {@link LineClient#readLine()} does. */
    String reply(int i) {
        return clients.get(i).readLine();
    }

    @Override
    public void close() {
        clients.forEach(LineClient::close);
    }

    /** Sends one line on a connection of its own and returns the reply. */
    static String ask(RunningServer server, String line) {
        try (LineClient client = server.connect()) {
            return client.sendLine(line).readLine();
        }
    }

    /** Sends one line on a connection of its own and requires this reply. */
    static void expect(RunningServer server, String line, String reply) {
        try (LineClient client = server.connect()) {
            client.sendLine(line).expectLine(reply);
        }
    }

    /** Requires a reply that starts with {@code ERROR }. */
    static void expectError(RunningServer server, String line) {
        String reply = ask(server, line);
        if (!reply.startsWith("ERROR ")) {
            throw new GradedFailure(TemperatureFeedback.notError(line, reply));
        }
    }

    /**
     * The more telling observation if the failure is a reply that never came (the client's read
     * timed out), else the failure itself (a closed connection, a crashed server, ...).
     */
    static GradedFailure whenSilent(GradedFailure failure, Feedback noReply) {
        String timedOut = CoreFeedback.noReply(LineClient.READ_TIMEOUT, "").key();
        return failure.observation() != null && failure.observation().key().equals(timedOut)
                ? new GradedFailure(noReply, failure)
                : failure;
    }

    /** The line's UTF-8 bytes, cut in the middle of every multi-byte character. */
    static byte[][] splitInsideEveryCharacter(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            boolean leadOfMultiByte = (bytes[i] & 0xC0) == 0xC0;
            if (leadOfMultiByte) {
                pieces.add(Arrays.copyOfRange(bytes, from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces.toArray(byte[][]::new);
    }
}
