package org.socklab.cli.checkout;

import java.util.Optional;
import org.socklab.grader.Exercise;

/**
 * The keys {@code socklab checkout} knows: {@value #ALL} (the whole template) and the exercises'
 * keys. Stateless.
 */
public final class CheckoutKeys {
    /** The whole template, every exercise in one folder. */
    public static final String ALL = "all";

    private CheckoutKeys() {}

    /** The exercise a key names, or empty for {@value #ALL} and for keys that name none. */
    static Optional<Exercise> exercise(String key) {
        return key.equals(ALL)
                ? Optional.empty()
                : Exercise.byKey(key).filter(e -> e.key().equals(key));
    }
}
