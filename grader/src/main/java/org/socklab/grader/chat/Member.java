package org.socklab.grader.chat;

import java.nio.charset.StandardCharsets;
import org.socklab.grader.harness.LineClient;

/**
 * One client in a test's chat room: the label the test gives it in messages (A, B, ...), the name
 * the server gave it (learned from its own {@code joined} line), what it has heard, and how it
 * sends. A member that joined without reading has no transcript until the test starts one
 * ({@link Chat#startListening}).
 *
 * <p>Immutable; the transcript and the client are thread-safe where their own Javadoc says so.
 */
final class Member {
    private final String label;
    private final String name;
    private final Transcript heard;
    private final LineClient client;
    private final Mouth mouth;

    /** How a member sends bytes: one write, named in messages by the description. */
    @FunctionalInterface
    interface Mouth {
        void send(byte[] bytes, String description);
    }

    /** A member on a {@link LineClient}. */
    Member(String label, String name, Transcript heard, LineClient client) {
        this(label, name, heard, client, client::sendBytes);
    }

    /** A member that only listens. */
    Member(String label, String name, Transcript heard) {
        this(label, name, heard, null, null);
    }

    /** A member on another kind of client, which can only send bytes if {@code mouth} is given. */
    Member(String label, String name, Transcript heard, LineClient client, Mouth mouth) {
        this.label = label;
        this.name = name;
        this.heard = heard;
        this.client = client;
        this.mouth = mouth;
    }

    String label() {
        return label;
    }

    String name() {
        return name;
    }

    Transcript heard() {
        return heard;
    }

    /** The {@link LineClient} of a member that has one, for what only a LineClient does (close, reset, ...). */
    LineClient client() {
        if (client == null) {
            throw new IllegalStateException(label + " has no LineClient");
        }
        return client;
    }

    /** Sends one line, {@code \n} included, in one write. */
    void say(String text) {
        send((text + "\n").getBytes(StandardCharsets.UTF_8), text);
    }

    /** Sends the bytes in one write. */
    void send(byte[] bytes, String description) {
        if (mouth == null) {
            throw new IllegalStateException(label + " only listens");
        }
        mouth.send(bytes, description);
    }

    /** What everybody should receive when this member says {@code text}. */
    String says(String text) {
        return name + ": " + text;
    }

    String joined() {
        return name + Chat.JOINED;
    }

    String left() {
        return name + Chat.LEFT;
    }

    /** How messages name it: its label and its chat name, e.g. {@code B (127.0.0.1:50312)}. */
    @Override
    public String toString() {
        return label + " (" + name + ")";
    }
}
