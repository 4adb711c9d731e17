package org.socklab.grader.echocaps;

import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Shown;

/** Observations particular to echocaps, as named factories. Stateless. */
final class EchoCapsFeedback {
    private EchoCapsFeedback() {
    }

    static Feedback wrongBigReply(int sentLength, String received) {
        int upper = (int) received.chars().filter(c -> c == 'A').count();
        return Feedback.of(Exercise.ECHOCAPS.messages(), "bigLine.wrong", sentLength, received.length(), upper,
                Shown.text(received));
    }
}
