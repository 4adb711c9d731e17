package org.socklab.grader.feedback;

import java.util.List;

/**
 * How text from the wire is shown in a message: quoted, with control characters escaped
 * ({@code \r}, {@code \n}, {@code \t}, {@code \u0000}), and cut short when long, so that a 1 MiB
 * line or a stray carriage return is visible and readable. A value like every part of a message:
 * the words around the quoted text ("nothing", "chars") are rendered in the report's language.
 * Stateless.
 */
public final class Shown {
    static final int LIMIT = 60;

    private Shown() {}

    /**
     * Shown texts one after the other, separated by commas: {@code "a", "b", "c"}. Built as a
     * balanced tree of pairs, so that a message nests only about log2(n) deep and travels whole
     * through {@link FeedbackCodec}, whose readers bound the depth.
     */
    public static Feedback joined(List<Feedback> shown) {
        return shown.isEmpty() ? Feedback.of(CoreFeedback.MESSAGES, "shown.whole", "") : joined(shown, 0, shown.size());
    }

    private static Feedback joined(List<Feedback> shown, int from, int to) {
        if (to - from == 1) {
            return shown.get(from);
        }
        int middle = (from + to) >>> 1;
        return Feedback.of(CoreFeedback.MESSAGES, "shown.pair", joined(shown, from, middle), joined(shown, middle, to));
    }

    public static Feedback text(String text) {
        if (text == null) {
            return Feedback.of(CoreFeedback.MESSAGES, "shown.nothing");
        }
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfffd) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return text.length() > LIMIT
                ? Feedback.of(CoreFeedback.MESSAGES, "shown.cut", out.toString(), Integer.toString(text.length()))
                : Feedback.of(CoreFeedback.MESSAGES, "shown.whole", out.toString());
    }
}
