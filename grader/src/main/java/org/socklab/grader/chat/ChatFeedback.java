package org.socklab.grader.chat;

import java.time.Duration;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;

/**
 * Observations particular to the chat, as named factories, and the names of its waits (what a
 * student reads when a wait runs out). Clients are shown as their label and chat name, e.g.
 * {@code B (127.0.0.1:50312)}; text from the wire goes through {@link Shown}. Stateless.
 */
final class ChatFeedback {
    private static final MessageBundle MESSAGES = Exercise.CHAT.messages();

    private ChatFeedback() {}

    private static Feedback of(String key, Object... arguments) {
        return Feedback.of(MESSAGES, key, arguments);
    }

    // --- joining -------------------------------------------------------------------------------

    static Feedback nothingOnJoining(Duration waited) {
        return of("join.nothing", waited.toSeconds());
    }

    static Feedback closedOnJoining() {
        return of("join.closed");
    }

    static Feedback firstLineNotJoined(String line) {
        return of("join.notJoinedFirst", Shown.text(line));
    }

    static Feedback receivesJoined(Member member, Member newcomer) {
        return of("wait.receivesJoined", member, newcomer);
    }

    static Feedback wrongName(int port, String announced, String expected) {
        return of("name.wrong", String.valueOf(port), Shown.text(announced), Shown.text(expected));
    }

    // --- what clients hear ---------------------------------------------------------------------

    static Feedback receives(Member member, String line) {
        return of("wait.receives", member, Shown.text(line));
    }

    static Feedback receivesLines(Member member, int count) {
        return of("wait.receivesLines", member, count);
    }

    static Feedback transcript(String owner, int count, Feedback lastLines, Feedback ending) {
        return of("transcript", owner, count, lastLines, ending);
    }

    static Feedback stillConnected() {
        return of("transcript.connected");
    }

    static Feedback closedByServer() {
        return of("transcript.closed");
    }

    static Feedback resetConnection() {
        return of("transcript.reset");
    }

    static Feedback invalidUtf8() {
        return of("transcript.invalidUtf8");
    }

    static Feedback wrongLine(Member member, String expected, String received) {
        return of("line.wrong", member, Shown.text(expected), Shown.text(received));
    }

    static Feedback outOfOrder(Member listener, Member sender, int position, String expected, String received) {
        return of("order.sender", listener, sender, position, Shown.text(expected), Shown.text(received));
    }

    static Feedback differentOrders(Member first, Member second, int position, String firstLine, String secondLine) {
        return of("order.conversation", first, second, position, Shown.text(firstLine), Shown.text(secondLine));
    }

    static Feedback mixedLine(Member listener, String line) {
        return of("line.mixed", listener, line.length(), Shown.text(line));
    }

    static Feedback repeatedLine(Member listener) {
        return of("line.repeated", listener);
    }

    // --- leaving -------------------------------------------------------------------------------

    static Feedback closedAfterBye(Member member) {
        return of("wait.closedAfterBye", member);
    }

    static Feedback closedAfterLeaving(Member member) {
        return of("wait.closedAfterLeaving", member);
    }

    static Feedback leaveTakesEffect(Member member) {
        return of("wait.leaveTakesEffect", member);
    }

    static Feedback nothingAfterLeaving(Member member) {
        return of("wait.nothingAfterLeaving", member);
    }

    static Feedback byeInsideLine(Member member, String text, Feedback transcript) {
        return of("bye.insideLine", member, Shown.text(text), transcript);
    }

    static Feedback heardAfterLeaving(Member member, String how, String line) {
        return of("departed.heard", member, how, Shown.text(line));
    }

    static Feedback threadEndsAfterBye(Member member) {
        return of("wait.threadEnds", member);
    }

    static Feedback threadsBackToBaseline(int clients) {
        return of("wait.threadsBack", clients);
    }

    static Feedback threadsStillAlive(int live, int before) {
        return of("threads.alive", live, live - before, before);
    }

    // --- the storm -----------------------------------------------------------------------------

    static Feedback receivesStormEnd(Member slow, Member sender) {
        return of("wait.stormEnd", slow, sender);
    }

    static Feedback stormSenderDropped(Member sender, Member leaving, Feedback senderHeard) {
        return of("storm.senderDropped", sender, leaving, senderHeard);
    }

    // --- misbehaving input ---------------------------------------------------------------------

    static Feedback receivesBigLine(Member member, Member sender) {
        return of("wait.bigLine", member, sender);
    }

    static Feedback wrongBigLine(Member member, Member sender, int length, String received) {
        return of("bigLine.wrong", member, sender, length, received.length(), Shown.text(received));
    }

    static Feedback receivesInvalidLine(Member member, Member sender) {
        return of("wait.invalidLine", member, sender);
    }

    static Feedback wrongReplacement(Member member, String expected, String received) {
        return of("utf8.wrong", member, Shown.text(expected), Shown.text(received));
    }

    static Feedback endedBeforeLine(Member member, Member sender, Feedback heard) {
        return of("line.endedBefore", member, sender, heard);
    }

    static Feedback sharedRoom(Member listener, String line) {
        return of("shared.room", listener, Shown.text(line));
    }
}
