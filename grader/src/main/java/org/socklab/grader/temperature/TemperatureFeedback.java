package org.socklab.grader.temperature;

import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;

/** Observations particular to the temperature exercise, as named factories. Stateless. */
final class TemperatureFeedback {
    private static final MessageBundle MESSAGES = Exercise.TEMPERATURE.messages();

    private TemperatureFeedback() {}

    // The store, called directly.

    static Feedback storeNotImplemented(String className) {
        return Feedback.of(MESSAGES, "store.notImplemented", className);
    }

    static Feedback storeApiMissing(String className, String detail) {
        return Feedback.of(MESSAGES, "store.apiMissing", className, detail);
    }

    static Feedback storeThrew(String call, String exception, String message) {
        return Feedback.of(MESSAGES, "store.threw", call, exception, message);
    }

    static Feedback storeReturnedNull(String call) {
        return Feedback.of(MESSAGES, "store.returnedNull", call);
    }

    static Feedback stalledClientsDelayedOthers(long seconds, String halfLine) {
        return Feedback.of(MESSAGES, "stall.delayedOthers", seconds, halfLine);
    }

    static Feedback sharedReadings(String query, String reply, String toldTheOther) {
        return Feedback.of(MESSAGES, "shared.readings", query, reply, toldTheOther);
    }

    static Feedback structureUnchecked(String method) {
        return Feedback.of(MESSAGES, "structure.unchecked", method);
    }

    static Feedback couldNotWatch(String mapFields) {
        return Feedback.of(MESSAGES, "store.couldNotWatch", mapFields);
    }

    static Feedback returnedWithoutMap(String call, String mapFields) {
        return Feedback.of(MESSAGES, "store.returnedWithoutMap", call, mapFields);
    }

    static Feedback neverReachedMap(String call, long seconds, String mapFields) {
        return Feedback.of(MESSAGES, "store.neverReachedMap", call, seconds, mapFields);
    }

    static Feedback callStuck(String call, long seconds) {
        return Feedback.of(MESSAGES, "store.callStuck", call, seconds);
    }

    static Feedback neitherEnteredNorWaited(String second, String first, String operation, long seconds) {
        return Feedback.of(MESSAGES, "store.neitherEnteredNorWaited", second, first, operation, seconds);
    }

    // What a forced interleaving or the stress showed.

    static Feedback bothInside(String first, String firstOperation, String second, String secondOperation) {
        return Feedback.of(MESSAGES, "race.bothInside", first, firstOperation, second, secondOperation);
    }

    /** Two calls inside one map, each holding a lock of the store, but not the same one. */
    static Feedback differentLocks(
            String first,
            String firstOperation,
            String firstHeld,
            String second,
            String secondOperation,
            String secondHeld) {
        return Feedback.of(
                MESSAGES, "race.differentLocks", first, firstOperation, firstHeld, second, secondOperation, secondHeld);
    }

    static Feedback splitWrite(String call, String from, String to, String other, String otherOperation) {
        return Feedback.of(MESSAGES, "race.splitWrite", call, from, to, other, otherOperation);
    }

    static Feedback splitRead(String call, String from, String to, String other, String otherOperation) {
        return Feedback.of(MESSAGES, "race.splitRead", call, from, to, other, otherOperation);
    }

    static Feedback tornResult(String call, String got, String possible) {
        return Feedback.of(MESSAGES, "race.tornResult", call, got, possible);
    }

    static Feedback stressTorn(String got, String one, String other) {
        return Feedback.of(MESSAGES, "race.stressTorn", got, one, other);
    }

    // Over sockets.

    static Feedback lostCity(String city, int writers) {
        return Feedback.of(MESSAGES, "load.lostCity", city, writers);
    }

    static Feedback notSent(String request, String reply, String city) {
        return Feedback.of(MESSAGES, "load.notSent", Shown.text(request), Shown.text(reply), city);
    }

    static Feedback notError(String line, String reply) {
        return Feedback.of(MESSAGES, "protocol.notError", Shown.text(line), Shown.text(reply));
    }

    static Feedback noReplyAfterRejected(String line, long seconds, String rejected) {
        return Feedback.of(MESSAGES, "protocol.noReplyAfterRejected", Shown.text(line), seconds, Shown.text(rejected));
    }

    static Feedback noReplyDuringLoad(String line, long seconds, String badExample) {
        return Feedback.of(MESSAGES, "load.noReply", Shown.text(line), seconds, Shown.text(badExample));
    }

    static Feedback noReplyAfterLoad(String line, long seconds, String badExample) {
        return Feedback.of(MESSAGES, "load.noReplyAfter", Shown.text(line), seconds, Shown.text(badExample));
    }

    static Feedback changedByBadLines(String request, String reply, String expected) {
        return Feedback.of(MESSAGES, "load.changed", Shown.text(request), Shown.text(reply), expected);
    }

    // The store's structure.

    static Feedback noLock(String method) {
        return Feedback.of(MESSAGES, "structure.noLock", method);
    }

    static Feedback lockPerCall(String method) {
        return Feedback.of(MESSAGES, "structure.lockPerCall", method);
    }

    static Feedback lockReplaced(String method, String field) {
        return Feedback.of(MESSAGES, "structure.lockReplaced", method, field);
    }
}
