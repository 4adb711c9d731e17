package org.socklab.grader.policy;

import java.util.List;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;

/**
 * What a student reads when the code of an exercise breaks the policy: one message for the whole
 * exercise, with the first few violations and how many more there are. Stateless.
 */
public final class PolicyFeedback {
    /** The policy's messages, in every language. */
    public static final MessageBundle MESSAGES = MessageBundle.beside(PolicyFeedback.class);
    /** The key of the exercise's message: a failure for which a test's own hint says nothing. */
    public static final String BROKEN = "policy.broken";
    /** How many violations are listed; the rest are counted. */
    static final int LISTED = 3;

    private PolicyFeedback() {}

    /** The message for an exercise whose code breaks the policy (at least one violation). */
    static Feedback broken(List<Violation> violations) {
        List<Feedback> listed =
                violations.stream().limit(LISTED).map(Violation::feedback).toList();
        return Feedback.of(MESSAGES, BROKEN, listed, violations.size() - listed.size());
    }
}
