package org.socklab.grader.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ThrowingRunnable;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Waits;

/**
 * One test's chat room as the test sees it: the server, the members it expects to be connected,
 * and the waiting every chat test does.
 *
 * <p>Joining follows the contract's own readiness protocol: a newcomer is in the room once it has
 * read its own {@code joined} line, which must be the first line it receives, and the test then
 * waits until everybody already in the room has heard that line too. So a test never has two
 * joins, or a join and a broadcast, in flight at once unless it means to. The newcomer's name is
 * learned from that line, so that a server that names clients wrongly loses only the test that
 * checks names. Joins and leaves wait until the server is idle first ({@link #settle()}).
 *
 * <p>Every failure prefers the server's own diagnosis when {@code serve} has died, since nothing
 * else then makes sense. Closing it closes the bulk clients it opened (the harness closes the
 * others). Used by the test's thread only; not thread-safe.
 */
final class Chat implements AutoCloseable {
    static final String JOINED = " joined";
    static final String LEFT = " left";
    private static final String WAIT_TIMED_OUT =
            CoreFeedback.noReply(Duration.ZERO, "").key();
    private static final String CLOSED = CoreFeedback.closedBeforeReply("").key();
    private static final int PATIENT_SETTLES = 3;
    private static final Duration BRIEF_POLL = Duration.ofMillis(10);
    /** How long an idle server that burns no CPU is watched before a brief wait ends. */
    private static final Duration BRIEF_STILL = Duration.ofMillis(200);

    private final RunningServer server;
    private final List<Member> present = new ArrayList<>();
    private final List<BulkClient> bulk = new ArrayList<>();
    /** Every transcript of the room, those of members who left included: what reaches them is progress. */
    private final List<Transcript> transcripts = new ArrayList<>();
    /** Clients that joined without reading, by label, until the test starts their transcript. */
    private final Map<String, BulkClient> silent = new HashMap<>();

    private int joins;
    private int missedSettles;

    Chat(RunningServer server) {
        this.server = server;
    }

    /** A new client that talks and listens, in the room once everybody has heard its {@code joined} line. */
    Member join() {
        settle();
        LineClient client = server.connect();
        String label = nextLabel();
        String name = nameFrom(firstLine(client::readLine));
        Member newcomer = new Member(label, name, watch(Transcript.start(label, client::readLine)), client);
        announce(newcomer);
        return newcomer;
    }

    /**
     * A new client that reads in bulk ({@link BulkClient}), in the room once everybody has heard
     * its {@code joined} line; it can talk, but has no {@link LineClient}.
     */
    Member joinInBulk() {
        settle();
        BulkClient client = open(BulkClient.connect(server));
        String label = nextLabel();
        String name = nameFrom(firstLine(client::readLine));
        Member newcomer = new Member(label, name, watch(Transcript.start(label, client::readLine)), null, client::send);
        announce(newcomer);
        return newcomer;
    }

    /**
     * A new client with a small receive buffer that reads its own {@code joined} line and nothing
     * more until the test starts its transcript with {@link #startListening}; it is not among those
     * who must hear later joins.
     */
    Member joinWithoutReading() {
        settle();
        BulkClient client = open(BulkClient.connectWithSmallWindow(server));
        String label = nextLabel();
        String name = nameFrom(firstLine(client::readLine));
        silent.put(label, client);
        return new Member(label, name, null);
    }

    /** Starts reading for a member that joined without reading: the same member, with a transcript. */
    Member startListening(Member quiet) {
        String label = quiet.label();
        return new Member(label, quiet.name(), watch(Transcript.start(label, silent.remove(label)::readLine)));
    }

    private Transcript watch(Transcript transcript) {
        synchronized (transcripts) {
            transcripts.add(transcript);
        }
        return transcript;
    }

    /** What the room's clients have received so far, as one number that grows with every line and every ended connection. */
    private long activity() {
        long total = 0;
        synchronized (transcripts) {
            for (Transcript transcript : transcripts) {
                total += transcript.size() + (transcript.ended() ? 1 : 0);
            }
        }
        return total;
    }

    private BulkClient open(BulkClient client) {
        bulk.add(client);
        return client;
    }

    /** Closes the bulk clients this room opened (the harness closes the others). */
    @Override
    public void close() {
        for (BulkClient client : bulk) {
            client.close();
        }
    }

    /** The label the next newcomer gets in messages: A, B, C, ... */
    String nextLabel() {
        return String.valueOf((char) ('A' + joins++));
    }

    /**
     * The member leaves the way {@code how} says (its {@code :bye}, a close, a reset, ...), once
     * the server is idle; later joins no longer wait for it to hear them.
     */
    void leaves(Member member, Consumer<Member> how) {
        settle();
        how.accept(member);
        present.remove(member);
    }

    /** The member has left, by a step the test took itself while the server was busy. */
    void left(Member member) {
        present.remove(member);
    }

    /**
     * Waits until the server is idle (see {@link Idle}), before a client joins or leaves. After
     * {@value #PATIENT_SETTLES} waits in vain in a row it stops waiting for the rest of the test:
     * a server that is never idle (or whose threads the probe cannot see) costs a few seconds at
     * most, while one slow moment on a loaded machine does not end the settling.
     */
    void settle() {
        if (missedSettles < PATIENT_SETTLES) {
            missedSettles = Idle.await(server.probe()) ? 0 : missedSettles + 1;
        }
    }

    /** Waits until every one of {@code members} has received {@code line}. */
    void everyoneHears(String line, List<Member> members) {
        for (Member member : members) {
            await(ChatFeedback.receives(member, line), member, transcript -> transcript.contains(line));
        }
    }

    /** Waits until {@code member} has received {@code count} lines from position {@code from} on, and returns them. */
    List<String> awaitLines(Member member, int from, int count) {
        await(ChatFeedback.receivesLines(member, count), member, transcript -> transcript.size() - from >= count);
        return member.heard().linesFrom(from).subList(0, count);
    }

    /**
     * Waits until the condition holds for the member's transcript, for as long as the server makes
     * progress ({@link Patience}), woken by every line it receives (no polling: tests that wait
     * thousands of times stay fast). A transcript that has ended gets no more lines: the wait ends.
     */
    void await(Feedback alias, Member member, Predicate<Transcript> condition) {
        Transcript heard = member.heard();
        boolean holds;
        try {
            holds = Patience.await(
                            () -> condition.test(heard) || heard.ended(),
                            server.probe(),
                            this::activity,
                            max -> heard.awaitUntil(condition, max))
                    && condition.test(heard);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(CoreFeedback.testError(e));
        }
        if (!holds) {
            throw failure(CoreFeedback.notTrueWithin(alias, Waits.EVENTUALLY, heard.summary()));
        }
    }

    /**
     * Gives the member's transcript a short moment ({@link Waits#WINDOW}) to meet the condition,
     * and never fails: for something a correct server does at once, before a check that would
     * otherwise need a window of its own. The moment ends early once the server is idle and has
     * burned no CPU for a little while: it has done all it was going to do.
     */
    void awaitBriefly(Member member, Predicate<Transcript> condition) {
        long end = System.nanoTime() + Waits.WINDOW.toNanos();
        Duration cpu = Patience.cpuTime(server.probe());
        long stillSince = System.nanoTime();
        try {
            while (!member.heard().awaitUntil(condition, BRIEF_POLL) && System.nanoTime() < end) {
                Duration now = Patience.cpuTime(server.probe());
                if (!now.equals(cpu) || !Patience.still(server.probe())) {
                    cpu = now;
                    stillSince = System.nanoTime();
                } else if (System.nanoTime() - stillSince >= BRIEF_STILL.toNanos()) {
                    Waits.windowPassed(stillSince, BRIEF_STILL); // the stillness waited through: part of the floor
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the assertion holds, for as long as the server makes progress ({@link Patience}). */
    void eventually(Feedback alias, ThrowingRunnable assertion) {
        Throwable[] last = {null};
        boolean holds;
        try {
            holds = Patience.await(
                    () -> {
                        try {
                            assertion.run();
                            return true;
                        } catch (AssertionError e) {
                            last[0] = e;
                            return false;
                        } catch (RuntimeException | Error e) {
                            throw e;
                        } catch (Throwable e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    server.probe(),
                    this::activity,
                    Patience::sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(CoreFeedback.testError(e));
        }
        if (!holds) {
            Object observed = last[0] instanceof GradedFailure graded
                    ? graded.observation()
                    : String.valueOf(last[0] == null ? "" : last[0].getMessage());
            throw new GradedFailure(CoreFeedback.notTrueWithin(alias, Waits.EVENTUALLY, observed), last[0]);
        }
    }

    /**
     * Waits until the storm's sending thread has ended, for as long as the server makes progress
     * ({@link Patience}); returns how many lines it sent. Whether it ended by a failed write, or
     * has not ended at all, is told by {@link Storm#broke()}.
     */
    int awaitEnd(Storm storm) {
        try {
            Patience.await(storm::done, server.probe(), this::activity, Patience::sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return storm.sent();
    }

    /** Checks that the assertion holds throughout {@code window}. */
    void never(Feedback alias, Duration window, ThrowingRunnable assertion) {
        Waits.never(alias, window, assertion);
    }

    /** A failure for what the test observed ({@code ServerExtension} reports the server's death instead, if {@code serve} has died). */
    GradedFailure failure(Feedback observed) {
        return new GradedFailure(observed);
    }

    /** Fails a waiting condition with the observation. */
    static void check(boolean condition, Supplier<Feedback> otherwise) {
        if (!condition) {
            throw new GradedFailure(otherwise.get());
        }
    }

    private GradedFailure diagnosed(GradedFailure failure) {
        return server.diagnosis()
                .map(reason -> new GradedFailure(reason, failure))
                .orElse(failure);
    }

    private String firstLine(Transcript.Source source) {
        try {
            return source.readLine(LineClient.READ_TIMEOUT);
        } catch (GradedFailure e) {
            if (server.diagnosis().isPresent()) {
                throw diagnosed(e);
            }
            String key = e.observation().key();
            if (WAIT_TIMED_OUT.equals(key)) {
                throw new GradedFailure(ChatFeedback.nothingOnJoining(LineClient.READ_TIMEOUT), e);
            }
            if (CLOSED.equals(key)) {
                throw new GradedFailure(ChatFeedback.closedOnJoining(), e);
            }
            throw e;
        }
    }

    private String nameFrom(String firstLine) {
        if (!firstLine.endsWith(JOINED) || firstLine.length() == JOINED.length()) {
            throw failure(ChatFeedback.firstLineNotJoined(firstLine));
        }
        return firstLine.substring(0, firstLine.length() - JOINED.length());
    }

    private void announce(Member newcomer) {
        for (Member member : present) {
            await(
                    ChatFeedback.receivesJoined(member, newcomer),
                    member,
                    transcript -> transcript.contains(newcomer.joined()));
        }
        present.add(newcomer);
    }
}
