package org.socklab.grader.queue;

import java.time.Duration;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;
import org.socklab.grader.harness.Waits;

/**
 * Observations particular to the queue exercise, as named factories. Wire text is quoted with
 * {@link Shown}; answers already shown (see {@link Stats#shown}) are passed as they are. Stateless.
 */
final class QueueFeedback {
    private static final long DEADLINE = Waits.EVENTUALLY.toSeconds();

    private QueueFeedback() {}

    private static MessageBundle messages() {
        return Exercise.QUEUE.messages();
    }

    static Feedback notCounted(String reading, Feedback expected, Object last) {
        return Feedback.of(messages(), "reading.notCounted", Shown.text(reading), DEADLINE, expected, last);
    }

    static Feedback notAnError(String sent, String received) {
        return Feedback.of(messages(), "malformed.notError", Shown.text(sent), Shown.text(received));
    }

    static Feedback malformedRecorded(String sentinel, Feedback answer) {
        return Feedback.of(messages(), "malformed.recorded", Shown.text(sentinel), answer);
    }

    static Feedback burstNoBye(int producer, int producers, String reading, Object observed) {
        return Feedback.of(messages(), "burst.noBye", producer, producers, Shown.text(reading), observed);
    }

    static Feedback burstReadingLost(String lost, String lastMilder, Feedback expected, Object last) {
        return Feedback.of(
                messages(), "burst.readingLost", Shown.text(lost), Shown.text(lastMilder), DEADLINE, expected, last);
    }

    static Feedback notReplaced(Feedback readings, Feedback expected, Object last) {
        return Feedback.of(messages(), "replace.notMoved", readings, DEADLINE, expected, last);
    }

    static Feedback lostAfterBadInput(String reading, Feedback expected, Object last) {
        return Feedback.of(messages(), "badInput.readingLost", Shown.text(reading), DEADLINE, expected, last);
    }

    static Feedback noAnswerYet() {
        return Feedback.of(messages(), "stats.noAnswerYet");
    }

    static Feedback idleCpuWait() {
        return Feedback.of(messages(), "wait.idleCpu");
    }

    static Feedback cpuUsed(Duration used) {
        return Feedback.of(messages(), "idle.cpuUsed", used.toMillis());
    }

    static Feedback processorWaitsWait() {
        return Feedback.of(messages(), "wait.processorWaits");
    }

    static Feedback severalWaitWait() {
        return Feedback.of(messages(), "wait.severalWait");
    }

    static Feedback statsAnswerWait() {
        return Feedback.of(messages(), "wait.statsAnswer");
    }

    static Feedback threadsSeen(String threads) {
        return Feedback.of(messages(), "processor.threads", threads);
    }

    static Feedback idleCpu(Duration used, Duration elapsed, Duration limit) {
        return Feedback.of(messages(), "idle.cpu", used.toMillis(), elapsed.toMillis(), limit.toMillis());
    }

    static Feedback noProcessorWaiting(String threads) {
        return Feedback.of(messages(), "processor.none", DEADLINE, threads);
    }

    static Feedback severalProcessorsWaiting(int count, String threads) {
        return Feedback.of(messages(), "processor.several", count, threads);
    }

    static Feedback threadsNotVisible() {
        return Feedback.of(messages(), "processor.notVisible");
    }

    static Feedback loadNoAnswer(int number, Object observed) {
        return Feedback.of(messages(), "load.noAnswer", number, QueueTests.LOAD_PRODUCERS, observed);
    }

    static Feedback loadMalformed(int number, Feedback answer) {
        return Feedback.of(messages(), "load.malformed", number, answer);
    }

    static Feedback loadTorn(int number, Feedback answer) {
        return Feedback.of(messages(), "load.torn", number, answer);
    }

    static Feedback loadBackwards(int number, Feedback answer, Feedback previous) {
        return Feedback.of(messages(), "load.backwards", number, answer, previous);
    }

    static Feedback loadProducerFailed(String what) {
        return Feedback.of(messages(), "load.producerFailed", Shown.text(what));
    }

    static Feedback noHandOver(String packageName, String found) {
        return Feedback.of(messages(), "structure.noHandOver", packageName, found);
    }

    static Feedback noTakeOut(String packageName, String found) {
        return Feedback.of(messages(), "structure.noTakeOut", packageName, found);
    }

    static Feedback sharedStatistics(Object answer, String toldTheOther) {
        return Feedback.of(messages(), "shared.statistics", answer, toldTheOther);
    }
}
