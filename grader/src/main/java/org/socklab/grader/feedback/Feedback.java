package org.socklab.grader.feedback;

import java.util.List;
import java.util.Objects;

/**
 * A message for a student, not yet rendered: a key in a {@link MessageBundle} and its arguments.
 *
 * <p>Rendering is late, so the same observation can be shown in any {@link Language}. Arguments
 * are kept as given; strings from the wire should be passed through {@link Shown} first.
 *
 * @param bundle where the key lives
 * @param key the message's key
 * @param arguments the values for the pattern's placeholders, in order
 */
public record Feedback(MessageBundle bundle, String key, List<Object> arguments) {

    public Feedback {
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static Feedback of(MessageBundle bundle, String key, Object... arguments) {
        return new Feedback(bundle, key, List.of(arguments));
    }

    public String render(Language language) {
        return bundle.format(key, language, arguments);
    }

    /** Rendered in {@link Language#current()}. */
    public String render() {
        return render(Language.current());
    }
}
