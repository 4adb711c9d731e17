package org.socklab.grader.chat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Several members talking at once, in rounds of one line each. Every line says who sent it and in
 * which round, and is filled with characters that depend on both, so a line torn apart or mixed
 * with another is recognised: it is not one of the lines that were sent.
 *
 * <p>Broadcasting threads meet on the same sockets mostly when they start at the same moment;
 * after that they tend to follow one another. So in every round each sender first sends its whole
 * line but the final {@code \n} ({@link #prepare}), which leaves every handler waiting for the end
 * of its line, and then all the {@code \n} go at once ({@link #release()}), from one thread per
 * sender started together: every handler then broadcasts at the same moment. A server that
 * writes a line in several calls, or broadcasts without a lock, gets a fresh chance to show it in
 * every round.
 *
 * <p>Used by the test's thread, except for the sending threads it starts.
 */
final class Burst {
    private final List<Member> senders;
    private final int length;
    private final Set<String> expected = new HashSet<>();
    private static final byte[] END = {'\n'};

    Burst(List<Member> senders, int length) {
        this.senders = senders;
        this.length = length;
    }

    /** Sends every sender's line of {@code round} but its {@code \n}; {@link #release()} sends the {@code \n}. */
    void prepare(int round) {
        for (int s = 0; s < senders.size(); s++) {
            String text = line(s, round, length);
            expected.add(senders.get(s).says(text));
            senders.get(s).send(text.getBytes(StandardCharsets.UTF_8), text);
        }
    }

    /** The line of {@code round} from sender {@code sender}: {@code length} characters in all. */
    static String line(int sender, int round, int length) {
        String head = String.format("s%d-r%03d ", sender, round);
        StringBuilder text = new StringBuilder(length).append(head);
        for (int i = head.length(); i < length; i++) {
            text.append((char) ('a' + (i + 7 * sender + 5 * round) % 26));
        }
        return text.toString();
    }

    /**
     * Ends every sender's line at once, each {@code \n} from a thread of its own, and returns once
     * they are all written (a {@code \n} is one byte: writing it never waits for the server).
     */
    void release() {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(senders.size());
        for (int s = 0; s < senders.size(); s++) {
            Member sender = senders.get(s);
            Thread thread = new Thread(
                    () -> {
                        try {
                            go.await();
                            sender.send(END, "\\n");
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (AssertionError e) {
                            // the server closed this sender's connection: the listeners miss lines and say so
                        } finally {
                            written.countDown();
                        }
                    },
                    "socklab-chat-burst-" + s);
            thread.setDaemon(true);
            thread.start();
        }
        go.countDown();
        try {
            written.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many lines every listener must have received by the end of the rounds prepared so far. */
    int total() {
        return expected.size();
    }

    /** Whether the line, as received, is one of the lines sent (with its sender's name). */
    boolean sent(String received) {
        return expected.contains(received);
    }

    /** Whether {@code received} holds every line sent, each exactly once. */
    boolean complete(List<String> received) {
        return received.size() == expected.size() && new HashSet<>(received).equals(expected);
    }
}
