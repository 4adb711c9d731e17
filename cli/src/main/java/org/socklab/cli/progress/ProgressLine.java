package org.socklab.cli.progress;

import java.io.Console;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Where progress is shown: on a terminal, one live line rewritten in place ({@code \r}); anywhere
 * else (a file, a pipe, a CI log), plain lines, only at the steps that matter, so that a log stays
 * readable. Progress goes to standard error: standard output holds the score table, which a
 * script or a CI job reads.
 *
 * <p>Thread-safe: every method is synchronized, since tests end on the grading's own threads.
 */
public final class ProgressLine {
    private final PrintStream err;
    private final boolean live;
    private int shown;

    public ProgressLine(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    /**
     * The line for this environment: live when the command runs on a terminal, not under GitHub
     * Actions and not with {@code TERM=dumb}.
     */
    public static ProgressLine of(PrintStream err, Map<String, String> environment) {
        boolean live = onTerminal()
                && !"true".equals(environment.get("GITHUB_ACTIONS"))
                && !"dumb".equals(environment.get("TERM"));
        return new ProgressLine(err, live);
    }

    public boolean live() {
        return live;
    }

    /** A state that the next one replaces: shown on the live line only. */
    public synchronized void update(String text) {
        if (live) {
            String padding = " ".repeat(Math.max(0, shown - text.length()));
            err.print("\r" + text + padding);
            err.flush();
            shown = text.length();
        }
    }

    /** A step worth a line of its own: the live line is cleared first. */
    public synchronized void step(String text) {
        clear();
        err.println(text);
        err.flush();
    }

    /** Leaves the terminal's line empty, so that what follows starts at its beginning. */
    public synchronized void clear() {
        if (live && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /**
     * Whether this process writes to a terminal: {@link System#console()} exists (JDK 17 to 21);
     * from JDK 22 on, it exists always and {@code isTerminal()} says (called by reflection: this is
     * Java 17 bytecode).
     */
    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
