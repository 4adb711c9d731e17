package org.socklab.grader.echocaps;

import java.util.Set;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Shown;

/** Observations particular to echocaps, as named factories. Stateless. */
final class EchoCapsFeedback {
    /** What a client sees of a connection the server ended: closed or reset before a reply, or a send that failed. */
    private static final Set<String> CONNECTION_ENDED = Set.of(
            CoreFeedback.closedBeforeReply("").key(),
            CoreFeedback.resetBeforeReply("").key(),
            CoreFeedback.sendFailed("").key());

    private EchoCapsFeedback() {}

    /**
     * The failure of a session's line, told as a session ended by a goodbye when the connection
     * ended right at or after one: {@code goodbye} is line {@code number} of {@code lines}, or
     * empty when neither the failing line nor the one before it was a goodbye. Any other failure
     * (a wrong reply, a timeout, the end of {@code serve}) stands as it is.
     */
    static GradedFailure endedAfterGoodbye(GradedFailure failure, String goodbye, int number, int lines) {
        if (goodbye.isEmpty()
                || !CONNECTION_ENDED.contains(failure.observation().key())) {
            return failure;
        }
        return new GradedFailure(
                Feedback.of(
                        Exercise.ECHOCAPS.messages(), "session.endedAfterGoodbye", Shown.text(goodbye), number, lines),
                failure);
    }

    static Feedback wrongBigReply(int sentLength, String received) {
        int upper = (int) received.chars().filter(c -> c == 'A').count();
        return Feedback.of(
                Exercise.ECHOCAPS.messages(),
                "bigLine.wrong",
                sentLength,
                received.length(),
                upper,
                Shown.text(received));
    }
}
