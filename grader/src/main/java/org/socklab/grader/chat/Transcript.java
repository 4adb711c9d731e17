package org.socklab.grader.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Shown;

/**
 * Everything one chat client has received, read by a thread of its own from the moment the
 * transcript starts. Chat clients must always read (the contract leaves a client that stops
 * reading out of scope, and a server that writes under a lock would stall on it), and a test
 * with many clients talking at once cannot read them one by one: so each client reads in the
 * background, and the test waits for what it should have heard.
 *
 * <p>Reading ends at end of stream, at a reset, at a line that is not valid UTF-8, or when the
 * client is closed (by the test or by the harness at the end of the test); the reason is kept.
 * The reading thread is the test's, not the server's: it never shows in the server's thread
 * count.
 *
 * <p>Thread-safe: the reading thread appends, any thread may look.
 */
final class Transcript {
    /** How long one read may wait; a quiet client just keeps waiting, the test decides when to give up. */
    private static final Duration READ_PATIENCE = Duration.ofMinutes(1);

    private static final String TIMED_OUT =
            CoreFeedback.noReply(Duration.ZERO, "").key();
    private static final String CLOSED = CoreFeedback.closedBeforeReply("").key();
    private static final String RESET = CoreFeedback.resetBeforeReply("").key();
    private static final String INVALID = CoreFeedback.invalidUtf8("").key();
    /** How many of the last lines a message shows. */
    private static final int SHOWN = 4;

    /** Where the lines come from: the next line, or a {@link GradedFailure} saying why there is none. */
    @FunctionalInterface
    interface Source {
        String readLine(Duration timeout);
    }

    private final String owner;
    private final List<String> lines = new ArrayList<>(); // guarded by this
    private Feedback end; // guarded by this; null while reading goes on

    private Transcript(String owner) {
        this.owner = owner;
    }

    /** Starts reading {@code source} in the background; {@code owner} names the client in messages. */
    static Transcript start(String owner, Source source) {
        Transcript transcript = new Transcript(owner);
        Thread reader = new Thread(() -> transcript.readAll(source), "socklab-chat-reader-" + owner);
        reader.setDaemon(true);
        reader.start();
        return transcript;
    }

    private void readAll(Source source) {
        while (true) {
            String line;
            try {
                line = source.readLine(READ_PATIENCE);
            } catch (GradedFailure failure) {
                if (TIMED_OUT.equals(failure.observation().key())) {
                    continue;
                }
                finish(failure.observation());
                return;
            } catch (RuntimeException e) {
                finish(CoreFeedback.testError(e));
                return;
            }
            synchronized (this) {
                lines.add(line);
                notifyAll();
            }
        }
    }

    private synchronized void finish(Feedback reason) {
        end = reason;
        notifyAll();
    }

    synchronized int size() {
        return lines.size();
    }

    /** A copy of every line received so far. */
    synchronized List<String> lines() {
        return new ArrayList<>(lines);
    }

    /** A copy of the lines received from position {@code from} on (0 is the first line received). */
    synchronized List<String> linesFrom(int from) {
        return new ArrayList<>(lines.subList(Math.min(from, lines.size()), lines.size()));
    }

    synchronized boolean contains(String line) {
        return lines.contains(line);
    }

    /** The first line received from position {@code from} on that matches, if any. */
    synchronized Optional<String> find(int from, Predicate<String> matching) {
        for (int i = from; i < lines.size(); i++) {
            if (matching.test(lines.get(i))) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether reading has ended, for whatever reason. */
    synchronized boolean ended() {
        return end != null;
    }

    /** Whether reading ended because the connection did (end of stream or reset), not for another reason. */
    synchronized boolean connectionEnded() {
        return end != null && (CLOSED.equals(end.key()) || RESET.equals(end.key()));
    }

    /**
     * Waits until {@code condition} holds for this transcript, reading has ended, or {@code max}
     * has passed, waking up at every line received; returns whether the condition holds.
     */
    synchronized boolean awaitUntil(Predicate<Transcript> condition, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        long left;
        while (!condition.test(this) && end == null && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
        return condition.test(this);
    }

    /** Waits until at least {@code count} lines were received (see {@link #awaitUntil}). */
    boolean awaitSize(int count, Duration max) throws InterruptedException {
        return awaitUntil(transcript -> transcript.size() >= count, max);
    }

    /** What this client has received so far, for messages: how many lines, the last few, and how reading ended. */
    synchronized Feedback summary() {
        List<Feedback> shown = new ArrayList<>();
        for (int i = Math.max(0, lines.size() - SHOWN); i < lines.size(); i++) {
            shown.add(Shown.text(lines.get(i)));
        }
        Feedback ending = end == null
                ? ChatFeedback.stillConnected()
                : CLOSED.equals(end.key())
                        ? ChatFeedback.closedByServer()
                        : RESET.equals(end.key())
                                ? ChatFeedback.resetConnection()
                                : INVALID.equals(end.key()) ? ChatFeedback.invalidUtf8() : end;
        return ChatFeedback.transcript(owner, lines.size(), Shown.joined(shown), ending);
    }
}
