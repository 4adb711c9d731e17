package org.socklab.grader.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message for a student, not yet rendered: a key in a {@link MessageBundle} and its arguments.
 * An argument may itself be a {@code Feedback} (a nested message), rendered in the same language.
 *
 * <p>A message stays a value from the test that observes it to the report that prints it, where
 * it is rendered exactly once, in the report's {@link Language}: nothing outside this package and
 * the report writers calls {@link #render}. Arguments are kept as given; strings from the wire
 * should be passed through {@link Shown} first. Immutable if its arguments are.
 * An argument may be a {@code Feedback}, or a list of them, rendered in the same language.
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

    /**
     * The message in one language. An argument that is itself a {@code Feedback} is rendered in the
     * same language, and a list of them as one line each, so a message may quote others.
     */
    public String render(Language language) {
        List<Object> rendered = new ArrayList<>(arguments.size());
        for (Object argument : arguments) {
            rendered.add(renderArgument(argument, language));
        }
        return bundle.format(key, language, rendered);
    }

    private static Object renderArgument(Object argument, Language language) {
        if (argument instanceof Feedback feedback) {
            return feedback.render(language);
        }
        if (argument instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(Feedback.class::isInstance)) {
            return String.join(
                    "\n",
                    list.stream()
                            .map(item -> ((Feedback) item).render(language))
                            .toList());
        }
        return argument;
    }

    /** For logs and debuggers only (English); a student reads {@link #render}. */
    @Override
    public String toString() {
        return render(Language.ENGLISH);
    }
}
