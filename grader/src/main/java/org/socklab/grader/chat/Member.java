package org.socklab.grader.chat;

import org.socklab.grader.harness.LineClient;

/**
 * One client in a test's chat room: the label the test gives it in messages (A, B, ...), the name
 * the server gave it (learned from its own {@code joined} line), what it has heard, and its
 * connection, if it can talk (a listening client does not). A member that joined without reading
 * has no transcript until the test starts one ({@link Chat#startListening}).
 *
 * <p>Immutable; the transcript and the client are thread-safe where their own Javadoc says so.
 */
final class Member {
    private final String label;
    private final String name;
    private final Transcript heard;
    private final LineClient client;

    Member(String label, String name, Transcript heard, LineClient client) {
        this.label = label;
        this.name = name;
        this.heard = heard;
        this.client = client;
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

    /** The connection of a member that can talk. */
    LineClient client() {
        if (client == null) {
            throw new IllegalStateException(label + " only listens");
        }
        return client;
    }

    /** Sends one line, {@code \n} included, in one write. */
    void say(String text) {
        client().sendLine(text);
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
