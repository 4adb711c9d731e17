package org.socklab.cli.report;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The command's standard output, careful with GitHub Actions: a line of a job's log that starts
 * with {@code ::} is a workflow command, and text a student's server produced (a reply, an
 * exception's message) reaches the score table. So, under Actions:
 * <ul>
 *   <li>everything that may hold a student's text is printed between
 *       {@code ::stop-commands::<token>} and {@code ::<token>::}, with a token from
 *       {@link SecureRandom} that no student process can see;</li>
 *   <li>and, in case a runner ignores that, every such line that would start with {@code ::}
 *       (after blanks, as the runner trims them) gets a visible prefix;</li>
 *   <li>then the grader's own {@code ::notice title=Points::Points X/Y} line, the one
 *       Classroom-style reporters read.</li>
 * </ul>
 * Outside Actions the text is printed as is, with the same prefix rule.
 *
 * <p>Not thread-safe: one command prints from one thread.
 */
public final class Console {
    private final PrintStream out;
    private final boolean actions;

    public Console(PrintStream out, boolean actions) {
        this.out = out;
        this.actions = actions;
    }

    /** Prints text that may hold a student's words. */
    public void untrusted(String text) {
        String token = actions ? HexFormat.of().formatHex(random()) : "";
        if (actions) {
            out.println("::stop-commands::" + token);
        }
        for (String line : text.split("\n", -1)) {
            out.println(sanitized(line));
        }
        if (actions) {
            out.println("::" + token + "::");
        }
        out.flush();
    }

    /** Prints the grader's own line. */
    public void trusted(String line) {
        out.println(line);
    }

    /** The points, as a workflow notice under Actions (and as a plain line elsewhere). */
    public void points(int total, int max) {
        out.println(actions ? "::notice title=Points::Points " + total + "/" + max : "Points " + total + "/" + max);
        out.flush();
    }

    /** A line that no runner reads as a workflow command. */
    public static String sanitized(String line) {
        String visible = line.replace("\r", "\\r");
        return visible.stripLeading().startsWith("::") ? "[student text] " + visible : visible;
    }

    private static byte[] random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
