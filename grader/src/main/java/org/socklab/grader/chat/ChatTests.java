package org.socklab.grader.chat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.Waits;

/**
 * Exercise 6, chat: every line goes to everybody, in one order for all, never torn, and clients
 * leave cleanly however they leave.
 *
 * <p>Every client reads all the time, in the background (a {@link Transcript}), as the contract
 * asks of clients; the tests then wait for what each one should have heard. Each test checks one
 * behaviour and keeps the others out of its way, so that one mistake costs only its own tests:
 * <ul>
 *   <li>names are learned from each client's own {@code joined} line, and only one test checks
 *       them against the client's port;</li>
 *   <li>only one test reads a sender's own lines back at the sender; the others judge what the
 *       other clients heard;</li>
 *   <li>only the {@code left} tests wait for a {@code left} line; the others see that a client
 *       has left by its connection being closed;</li>
 *   <li>clients join, talk and leave one step at a time, each step awaited, and a client joins or
 *       leaves only once the server is idle ({@link Chat#settle()}): a race between a broadcast
 *       and a join or a leave is provoked on purpose by one test only, the storm;</li>
 *   <li>where many talk at once, they start at the same moment, in many rounds ({@link Burst}),
 *       so that a race shows up in every run, not now and then.</li>
 * </ul>
 * A correct server passes whatever the timing: a wait for what must happen goes on while the
 * server makes progress and ends early only once the server is still ({@link Patience}), and the
 * heuristics (idle server, held-up broadcast) only choose when the test acts.
 * The test methods are public so that a template class in another package inherits them.
 */
@GradedExercise(Exercise.CHAT)
public class ChatTests {
    private static final String BYE = ":bye";
    /** One sender's burst: many short lines in one write. */
    private static final int ORDERED_LINES = 300;

    private static final int ORDERED_LENGTH = 200;
    /**
     * Where many talk at once: {@value #SENDERS} senders end a line at the same moment in each of
     * {@value #ROUNDS} rounds, heard by {@value #EXTRA_LISTENERS} more clients besides a usual one.
     * Measured on two busy cores, a server that writes a line in several unlocked calls mixes lines
     * in a fifth to a half of the rounds.
     */
    private static final int ROUNDS = 50;

    private static final int SENDERS = 8;
    private static final int EXTRA_LISTENERS = 3;
    private static final int ORDER_LENGTH = 1024;
    /** Longer than the usual 8 KiB buffers, so that a buffered writer sends each line in two calls. */
    private static final int WHOLE_LENGTH = 9 * 1024;
    /** Lines each talker has waiting when a newcomer joins under chatter. */
    private static final int CHATTER_LINES = 200;
    /** Members who talk while a newcomer joins, besides the one whose broadcast is held up. */
    private static final int TALKERS = 4;
    /** How many times the newcomer joins under chatter, each time on a fresh server. */
    private static final int NEWCOMER_ROUNDS = 3;

    @Test
    @Points(1)
    public void announcesEveryNewcomerToEveryone(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            for (int i = 0; i < 3; i++) {
                Member newcomer = chat.join();
                String expected = "127.0.0.1:" + newcomer.client().localPort();
                if (!newcomer.name().equals(expected)) {
                    throw chat.failure(ChatFeedback.wrongName(
                            newcomer.client().localPort(), newcomer.joined(), expected + Chat.JOINED));
                }
            }
        }
    }

    @Test
    @Points(2)
    public void broadcastsEveryLineToEveryoneSenderIncluded(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            List<Member> everyone = List.of(chat.join(), chat.join(), chat.join());
            Member a = everyone.get(0);
            Member b = everyone.get(1);
            Member c = everyone.get(2);
            int[] marks = marks(everyone);
            List<String> expected = new ArrayList<>();

            a.say("olá, tudo bem?");
            expected.add(a.says("olá, tudo bem?"));
            expectNext(chat, everyone, marks, expected);

            b.say("");
            expected.add(b.says(""));
            expectNext(chat, everyone, marks, expected);

            c.client().send("from windows\r\n");
            expected.add(c.says("from windows"));
            expectNext(chat, everyone, marks, expected);

            byte[] split = bytes("ação\n");
            c.client()
                    .sendPieces(
                            "ação, its ç split across two writes",
                            Arrays.copyOfRange(split, 0, 2),
                            Arrays.copyOfRange(split, 2, split.length));
            expected.add(c.says("ação"));
            expectNext(chat, everyone, marks, expected);
        }
    }

    @Test
    @Points(2)
    public void keepsTheOrderOfEachSender(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member sender = chat.join();
            List<Member> listeners = List.of(chat.join(), chat.join(), chat.join());
            int[] marks = marks(listeners);
            List<String> sent = new ArrayList<>();
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= ORDERED_LINES; i++) {
                String text = String.format("line %03d ", i) + "-".repeat(ORDERED_LENGTH);
                sent.add(sender.says(text));
                batch.append(text).append('\n');
            }
            sender.client().sendInBackground(batch.toString());

            for (int m = 0; m < listeners.size(); m++) {
                Member listener = listeners.get(m);
                List<String> heard = chat.awaitLines(listener, marks[m], sent.size());
                for (int i = 0; i < sent.size(); i++) {
                    if (!heard.get(i).equals(sent.get(i))) {
                        throw chat.failure(ChatFeedback.outOfOrder(listener, sender, i + 1, sent.get(i), heard.get(i)));
                    }
                }
            }
        }
    }

    @Test
    @Points(2)
    public void showsEveryoneTheSameConversation(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            List<Member> listeners = listeners(chat);
            List<Member> senders = senders(chat);
            int[] marks = marks(listeners);

            Burst burst = talkInRounds(chat, senders, ORDER_LENGTH);

            Member first = listeners.get(0);
            List<String> heardFirst = chat.awaitLines(first, marks[0], burst.total());
            checkWhole(chat, burst, first, heardFirst);
            for (int m = 1; m < listeners.size(); m++) {
                Member other = listeners.get(m);
                List<String> heard = chat.awaitLines(other, marks[m], burst.total());
                checkWhole(chat, burst, other, heard);
                for (int i = 0; i < heard.size(); i++) {
                    if (!heardFirst.get(i).equals(heard.get(i))) {
                        throw chat.failure(
                                ChatFeedback.differentOrders(first, other, i + 1, heardFirst.get(i), heard.get(i)));
                    }
                }
            }
        }
    }

    @Test
    @Points(2)
    public void neverInterleavesLines(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            List<Member> listeners = listeners(chat);
            List<Member> senders = senders(chat);
            int[] marks = marks(listeners);

            Burst burst = talkInRounds(chat, senders, WHOLE_LENGTH);

            for (int m = 0; m < listeners.size(); m++) {
                checkWhole(chat, burst, listeners.get(m), chat.awaitLines(listeners.get(m), marks[m], burst.total()));
            }
            for (Member sender : senders) {
                checkEveryLineWhole(chat, burst, sender);
            }
        }
    }

    @Test
    @Points(1)
    public void closesTheConnectionOnBye(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member other = chat.join();
            Member leaving = chat.join();
            // only a line that is exactly :bye leaves: one that merely mentions it is a chat line
            for (String text : List.of("type :bye to leave", ":bye? not yet")) {
                String line = leaving.says(text);
                leaving.say(text);
                chat.eventually(
                        ChatFeedback.receives(other, line),
                        () -> Chat.check(
                                other.heard().contains(line)
                                        || other.heard().contains(leaving.left())
                                        || leaving.heard().ended(),
                                other.heard()::summary));
                if (!other.heard().contains(line)) {
                    throw chat.failure(ChatFeedback.byeInsideLine(
                            leaving, text, leaving.heard().summary()));
                }
            }

            chat.leaves(leaving, member -> member.say(BYE));

            chat.eventually(
                    ChatFeedback.closedAfterBye(leaving),
                    () -> Chat.check(leaving.heard().connectionEnded(), leaving.heard()::summary));
        }
    }

    @Test
    @Points(1)
    public void announcesAClientThatSaysBye(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            Member leaving = chat.join();
            Member c = chat.join();

            chat.leaves(leaving, member -> member.say(BYE));

            chat.everyoneHears(leaving.left(), List.of(a, c));
        }
    }

    @Test
    @Points(1)
    public void endsTheHandlerThreadOnBye(Servers servers) {
        RunningServer server = servers.start();
        try (Chat chat = new Chat(server)) {
            exchangeLines(chat, chat.join(), chat.join());
            int before = server.probe().liveThreads();
            Member leaving = chat.join();

            chat.leaves(leaving, member -> member.say(BYE));

            chat.eventually(ChatFeedback.threadEndsAfterBye(leaving), () -> {
                int live = server.probe().liveThreads();
                Chat.check(live <= before, () -> ChatFeedback.threadsStillAlive(live, before));
            });
        }
    }

    @Test
    @Points(2)
    public void sendsNothingMoreAfterBye(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            Member leaving = chat.join();
            Member c = chat.join();
            int mark = leaving.heard().size();

            chat.leaves(leaving, member -> member.say(BYE));
            chat.eventually(
                    ChatFeedback.leaveTakesEffect(leaving),
                    () -> Chat.check(
                            leaving.heard().ended() || c.heard().contains(leaving.left()), leaving.heard()::summary));
            if (!leaving.heard().ended()) {
                // at once, while the server may still be closing it: a broadcast made after it left
                // must not reach it, even over a copy of the list taken before it left
                a.say("after the bye");
                chat.everyoneHears(a.says("after the bye"), List.of(c));
                // a server that closes the connection after the left line does it at once: give it that moment
                chat.awaitBriefly(leaving, Transcript::ended);
            }
            if (!leaving.heard().ended()) {
                // still connected (that is another test's business): nothing more may reach it
                chat.never(
                        ChatFeedback.nothingAfterLeaving(leaving),
                        Waits.WINDOW,
                        () -> Chat.check(
                                leaving.heard().size() == mark,
                                () -> ChatFeedback.heardAfterLeaving(
                                        leaving,
                                        BYE,
                                        leaving.heard().linesFrom(mark).get(0))));
            }
            List<String> after = leaving.heard().linesFrom(mark);
            if (!after.isEmpty()) {
                throw chat.failure(ChatFeedback.heardAfterLeaving(leaving, BYE, after.get(0)));
            }
        }
    }

    @Test
    @Points(1)
    public void announcesAClientThatDisconnects(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            Member leaving = chat.join();
            Member c = chat.join();

            chat.leaves(leaving, member -> member.client().close());

            chat.everyoneHears(leaving.left(), List.of(a, c));
        }
    }

    @Test
    @Points(1)
    public void announcesAClientWhoseConnectionIsReset(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            Member leaving = chat.join();
            Member c = chat.join();

            chat.leaves(leaving, member -> member.client().reset());

            chat.everyoneHears(leaving.left(), List.of(a, c));
            a.say("still here");
            chat.everyoneHears(a.says("still here"), List.of(c));
        }
    }

    @Test
    @Points(1)
    public void sendsNothingToAClientThatDisconnected(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            chat.join();
            Member leaving = chat.join();
            int mark = leaving.heard().size();

            chat.leaves(leaving, member -> member.client().halfClose());

            chat.eventually(
                    ChatFeedback.closedAfterLeaving(leaving),
                    () -> Chat.check(leaving.heard().connectionEnded(), leaving.heard()::summary));
            List<String> after = leaving.heard().linesFrom(mark);
            if (!after.isEmpty()) {
                throw chat.failure(ChatFeedback.heardAfterLeaving(leaving, "shutdownOutput", after.get(0)));
            }
        }
    }

    @Test
    @Points(2)
    public void survivesAClientLeavingDuringABroadcastStorm(Servers servers) {
        RunningServer server = servers.start();
        try (Chat chat = new Chat(server)) {
            Member quiet = chat.joinWithoutReading(); // first in the room, and it stops reading
            Member sender = chat.join();
            Member leaving = chat.join();

            Storm storm = Storm.start(sender, leaving);
            storm.awaitHeldUpOrDelivered(server.probe());
            storm.stop();
            Duration cpu = server.probe().cpuTime();
            leaving.say(BYE);
            chat.left(leaving);
            Storm.awaitSettled(server.probe(), cpu);

            Member slow = chat.startListening(quiet);
            int sent = chat.awaitEnd(storm);
            if (sent > 0) {
                String last = sender.says(Storm.line(sent - 1));
                chat.eventually(
                        ChatFeedback.receivesStormEnd(slow, sender),
                        () -> Chat.check(
                                slow.heard().contains(last)
                                        || slow.heard().contains(sender.left())
                                        || slow.heard().ended()
                                        || sender.heard().ended(),
                                slow.heard()::summary));
            }
            if (storm.broke() || sender.heard().ended() || slow.heard().contains(sender.left())) {
                throw chat.failure(ChatFeedback.stormSenderDropped(
                        sender, leaving, sender.heard().summary()));
            }
            sender.say("after the storm");
            chat.everyoneHears(sender.says("after the storm"), List.of(slow));
        }
    }

    @Test
    @Points(2)
    public void returnsToTheBaselineThreadCountWhenEveryoneHasLeft(Servers servers) {
        RunningServer server = servers.start();
        try (Chat chat = new Chat(server)) {
            Member observer = chat.join();
            exchangeLines(chat, observer, chat.join());
            int baseline = server.probe().liveThreads();
            List<Member> guests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                guests.add(chat.join());
            }
            for (Member guest : guests) {
                guest.say("hello");
                chat.everyoneHears(guest.says("hello"), List.of(observer));
            }

            for (int i = 0; i < 4; i++) {
                Member guest = guests.get(i);
                boolean bye = i % 2 == 0;
                chat.leaves(guest, member -> {
                    if (bye) {
                        member.say(BYE);
                    }
                    member.client().halfClose();
                });
                chat.eventually(
                        ChatFeedback.closedAfterLeaving(guest),
                        () -> Chat.check(guest.heard().connectionEnded(), guest.heard()::summary));
            }
            chat.leaves(guests.get(4), member -> member.client().close());
            chat.leaves(guests.get(5), member -> member.client().reset());

            chat.eventually(ChatFeedback.threadsBackToBaseline(guests.size()), () -> {
                int live = server.probe().liveThreads();
                Chat.check(live <= baseline, () -> ChatFeedback.threadsStillAlive(live, baseline));
            });
        }
    }

    @Test
    @Points(1)
    public void relaysAOneMebibyteLine(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            List<Member> others = List.of(chat.join(), chat.join());
            int[] marks = marks(others);
            String big = "abcdefghijklmnopqrstuvwxyz".repeat((1 << 20) / 26 + 1).substring(0, 1 << 20);

            a.client().sendInBackground(big + "\n");

            for (int m = 0; m < others.size(); m++) {
                Member other = others.get(m);
                String received = awaitLineFrom(chat, other, marks[m], a, ChatFeedback.receivesBigLine(other, a));
                if (!received.equals(a.says(big))) {
                    throw chat.failure(ChatFeedback.wrongBigLine(other, a, big.length(), received));
                }
            }
            Member b = others.get(0);
            b.say("after the big line");
            chat.everyoneHears(b.says("after the big line"), List.of(a, others.get(1)));
        }
    }

    @Test
    @Points(1)
    public void relaysInvalidUtf8AsReplacementCharacters(Servers servers) {
        try (Chat chat = new Chat(servers.start())) {
            Member a = chat.join();
            List<Member> others = List.of(chat.join(), chat.join());
            int[] marks = marks(others);
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            line.writeBytes(bytes("inválido "));
            line.write(0xFF);
            line.writeBytes(bytes(" e "));
            line.write(0xC3); // a lead byte followed by no continuation byte
            line.writeBytes(bytes("(\n"));
            String valid = a.says("inválido  e (");

            a.client().sendBytes(line.toByteArray(), "inválido \\xFF e \\xC3(\\n");

            for (int m = 0; m < others.size(); m++) {
                Member other = others.get(m);
                String received = awaitLineFrom(chat, other, marks[m], a, ChatFeedback.receivesInvalidLine(other, a));
                if (!received.contains("\uFFFD")
                        || !received.replace("\uFFFD", "").equals(valid)) {
                    throw chat.failure(
                            ChatFeedback.wrongReplacement(other, a.says("inválido \uFFFD e \uFFFD("), received));
                }
            }
            a.say("still here");
            chat.everyoneHears(a.says("still here"), others);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    /**
     * A newcomer's first line is its own {@code joined}, even while others talk: a server that adds
     * the newcomer to the room and announces it in two steps lets another's line in between. That
     * race is a matter of which waiting thread gets the room first, so the scene is played up to
     * {@value #NEWCOMER_ROUNDS} times on fresh servers (each round caught a two-step join about 9
     * times in 10 under two CPU hogs); a correct server passes every round.
     */
    @Test
    @Points(1)
    public void announcesANewcomerFirstWhileOthersTalk(Servers servers) {
        for (int round = 0; round < NEWCOMER_ROUNDS; round++) {
            RunningServer server = servers.start();
            int threads = server.probe().liveThreads();
            newcomerJoinsWhileOthersTalk(server);
            if (!handlersEnd(server, threads)) {
                return; // handlers that outlive their clients are judged by the tests of leaving
            }
        }
    }

    /**
     * Whether the server is back to {@code threads} live threads once the round's clients closed,
     * waited for as the chat's other waits are ({@link Patience}): only then does the next round
     * start from an empty room, even in a server whose room is (wrongly) static.
     */
    private static boolean handlersEnd(RunningServer server, int threads) {
        try {
            return Patience.await(
                    () -> server.probe().liveThreads() <= threads, server.probe(), () -> 0L, Patience::sleep);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void newcomerJoinsWhileOthersTalk(RunningServer server) {
        try (Chat chat = new Chat(server)) {
            Member quiet = chat.joinWithoutReading(); // holds up the broadcasts while the newcomer connects
            Member sender = chat.join();
            Member listener = chat.join();
            List<Member> talkers = new ArrayList<>();
            for (int i = 0; i < TALKERS; i++) {
                talkers.add(chat.join());
            }
            Storm storm = Storm.start(sender, listener);
            storm.awaitHeldUpOrDelivered(server.probe());
            storm.stop();
            chat.awaitEnd(storm);
            // Lines that wait for the room, queued before and after the newcomer (whichever waiter a
            // JVM wakes first, it is not the newcomer): each talker's handler goes on broadcasting its
            // lines, one after another, as soon as the held-up broadcast ends.
            talk(server, talkers.subList(0, TALKERS / 2), 0);
            Duration cpu = server.probe().cpuTime();
            int threads = server.probe().liveThreads();
            LineClient newcomer = server.connect();
            Storm.awaitJoinerWaiting(server.probe(), threads, cpu); // its handler waits for the room, or is in it
            talk(server, talkers.subList(TALKERS / 2, TALKERS), TALKERS / 2);
            sender.send(chatter(TALKERS), CHATTER_LINES + " short lines in one write");
            chat.startListening(quiet);
            String first = newcomer.readLine(Waits.EVENTUALLY);
            newcomer.close();
            if (!first.endsWith(Chat.JOINED)) {
                throw chat.failure(ChatFeedback.firstLineNotJoined(first));
            }
            // everybody leaves, so that a correct server's handlers end and the next round can start
            sender.client().close();
            listener.client().close();
            talkers.forEach(talker -> talker.client().close());
        }
    }

    /** Each talker sends its chatter; returns once the server is idle again, its handlers waiting. */
    @Test
    @Points(1)
    public void serversKeepTheirRoomsApart(Servers servers) {
        try (Chat one = new Chat(servers.start());
                Chat two = new Chat(servers.start())) {
            Member a = one.join();
            Member heardInOne = one.join();
            Member b = two.join();
            Member heardInTwo = two.join();
            a.say("in room one");
            one.everyoneHears(a.says("in room one"), List.of(heardInOne));
            b.say("in room two");
            two.everyoneHears(b.says("in room two"), List.of(heardInTwo));
            a.say("again in room one");
            one.everyoneHears(a.says("again in room one"), List.of(heardInOne));
            b.say("again in room two");
            two.everyoneHears(b.says("again in room two"), List.of(heardInTwo));
            for (Member listener : List.of(a, heardInOne)) {
                requireNothingFrom(one, listener, b, List.of(a, heardInOne));
                requireNothingFrom(one, listener, heardInTwo, List.of(a, heardInOne));
            }
            for (Member listener : List.of(b, heardInTwo)) {
                requireNothingFrom(two, listener, a, List.of(b, heardInTwo));
                requireNothingFrom(two, listener, heardInOne, List.of(b, heardInTwo));
            }
        }
    }

    /**
     * Fails if {@code listener} received a line of the other server's member. A name is the client's
     * address and port, and Linux may give two clients of two different servers the same local port:
     * a member named like one of the listener's own room ({@code room}) tells nothing, and is skipped.
     */
    private static void requireNothingFrom(Chat chat, Member listener, Member other, List<Member> room) {
        if (room.stream().anyMatch(member -> member.name().equals(other.name()))) {
            return;
        }
        for (String line : listener.heard().lines()) {
            if (line.startsWith(other.name() + ":") || line.equals(other.joined())) {
                throw chat.failure(ChatFeedback.sharedRoom(listener, line));
            }
        }
    }

    private static void talk(RunningServer server, List<Member> talkers, int firstNumber) {
        Duration cpu = server.probe().cpuTime();
        for (int i = 0; i < talkers.size(); i++) {
            talkers.get(i).send(chatter(firstNumber + i), CHATTER_LINES + " short lines in one write");
        }
        Storm.awaitSettled(server.probe(), cpu);
    }

    /** {@value #CHATTER_LINES} short lines in one write, numbered for talker {@code talker}. */
    private static byte[] chatter(int talker) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < CHATTER_LINES; i++) {
            lines.append("talker ").append(talker).append(" line ").append(i).append('\n');
        }
        return bytes(lines.toString());
    }

    /**
     * The listeners of the tests where many talk at once: a client like the others, then clients
     * that read in bulk. Every broadcast goes through all their sockets, each one a place where two
     * broadcasting threads can meet.
     */
    private static List<Member> listeners(Chat chat) {
        List<Member> listeners = new ArrayList<>();
        listeners.add(chat.join());
        for (int i = 0; i < EXTRA_LISTENERS; i++) {
            listeners.add(chat.joinInBulk());
        }
        return listeners;
    }

    /** The senders of the tests where many talk at once; they read in bulk, like most listeners. */
    private static List<Member> senders(Chat chat) {
        List<Member> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            senders.add(chat.joinInBulk());
        }
        return senders;
    }

    /** {@value #ROUNDS} rounds in which every sender ends a line at the same moment (see {@link Burst}). */
    private static Burst talkInRounds(Chat chat, List<Member> senders, int length) {
        Burst burst = new Burst(senders, length);
        for (int round = 0; round < ROUNDS; round++) {
            burst.prepare(round);
            chat.settle(); // every handler has broadcast the last round and waits for the end of a line
            burst.release();
        }
        return burst;
    }

    /**
     * Each of the two says a line and the other hears it: then every thread the server started for
     * them is running, even in a server that sends a newcomer its joined line before starting the
     * thread that reads it. A thread count taken afterwards is a fair baseline, seen over TCP alone
     * (a server in another process shows no threads to wait for).
     */
    private static void exchangeLines(Chat chat, Member first, Member second) {
        first.say("ready?");
        chat.everyoneHears(first.says("ready?"), List.of(second));
        second.say("ready");
        chat.everyoneHears(second.says("ready"), List.of(first));
        chat.settle();
    }

    /** Where each member's transcript stands now: what it receives from here on is what the test checks. */
    private static int[] marks(List<Member> members) {
        int[] marks = new int[members.size()];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = members.get(i).heard().size();
        }
        return marks;
    }

    /** Waits until every member has received exactly the expected lines since its mark, the last one included. */
    private static void expectNext(Chat chat, List<Member> members, int[] marks, List<String> expected) {
        for (int m = 0; m < members.size(); m++) {
            Member member = members.get(m);
            List<String> heard = chat.awaitLines(member, marks[m], expected.size());
            for (int i = 0; i < expected.size(); i++) {
                if (!heard.get(i).equals(expected.get(i))) {
                    throw chat.failure(ChatFeedback.wrongLine(member, expected.get(i), heard.get(i)));
                }
            }
        }
    }

    /** Waits for the first line from {@code sender} after the mark; a connection that ends first is a failure. */
    private static String awaitLineFrom(Chat chat, Member member, int mark, Member sender, Feedback alias) {
        String prefix = sender.says("");
        chat.eventually(
                alias,
                () -> Chat.check(
                        member.heard()
                                        .find(mark, line -> line.startsWith(prefix))
                                        .isPresent()
                                || member.heard().ended(),
                        member.heard()::summary));
        Optional<String> line = member.heard().find(mark, received -> received.startsWith(prefix));
        return line.orElseThrow(() -> chat.failure(
                ChatFeedback.endedBeforeLine(member, sender, member.heard().summary())));
    }

    /** Every line a sender received from the others is whole; its own lines are not required here. */
    private static void checkEveryLineWhole(Chat chat, Burst burst, Member sender) {
        for (String line : sender.heard().lines()) {
            if (!burst.sent(line) && !line.endsWith(Chat.JOINED)) {
                throw chat.failure(ChatFeedback.mixedLine(sender, line));
            }
        }
    }

    private static void checkWhole(Chat chat, Burst burst, Member listener, List<String> heard) {
        for (String line : heard) {
            if (!burst.sent(line)) {
                throw chat.failure(ChatFeedback.mixedLine(listener, line));
            }
        }
        if (!burst.complete(heard)) {
            throw chat.failure(ChatFeedback.repeatedLine(listener));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
