package org.socklab.grader.score;

import java.util.Optional;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;

/**
 * A known root cause that blocks every test after it: {@code serve} that does not return, a server
 * the grader had to stop, a newcomer that never gets its joined line. The bundles say which: an
 * observation is a gate when its key has a companion {@code <key>.needs} in its bundle (what the
 * blocked tests need, in a few words), or when it is a wait whose named condition has one.
 *
 * @param id the key that identifies the cause within its bundle
 * @param needs what the tests it blocks need, as a message
 */
record Gate(String id, Feedback needs) {

    /** The gate an observation stands for, if it is one. */
    static Optional<Gate> of(Feedback observation) {
        String needsKey = observation.key() + ".needs";
        if (observation.bundle().has(needsKey, Language.ENGLISH)) {
            return Optional.of(new Gate(
                    observation.bundle().name() + "#" + observation.key(),
                    Feedback.of(observation.bundle(), needsKey)));
        }
        if (!observation.arguments().isEmpty() && observation.arguments().get(0) instanceof Feedback alias) {
            return of(alias);
        }
        return Optional.empty();
    }
}
