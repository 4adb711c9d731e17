package org.socklab.grader.feedback;

/**
 * How text from the wire is shown in a message: quoted, with control characters escaped
 * ({@code \r}, {@code \n}, {@code \t}, {@code \u0000}), and cut short when long, so that a 1 MiB
 * line or a stray carriage return is visible and readable. Stateless.
 */
public final class Shown {
    static final int LIMIT = 60;

    private Shown() {}

    public static String text(String text) {
        if (text == null) {
            return "(nothing)";
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
        if (text.length() > LIMIT) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
