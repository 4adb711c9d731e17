package org.socklab.cli.grading;

import java.util.Locale;
import org.socklab.cli.CliFailure;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;

/**
 * {@code --sandbox}: whether student code runs in the OS sandbox. {@link #AUTO} uses it where the
 * machine has it and says so in every report either way; {@link #REQUIRED}, for official grading,
 * refuses to grade without it; {@link #NONE} never uses it.
 */
public enum SandboxMode {
    AUTO,
    REQUIRED,
    NONE;

    /** The word on the command line. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The containment of this run, found once, before any grading, with the tools on {@code path}.
     *
     * @throws CliFailure under {@link #REQUIRED} when there is no sandbox here (one line, at once)
     */
    public Containment containment(String path) {
        if (this == NONE) {
            return Containment.off();
        }
        Containment found = Containment.detect(path);
        if (this == REQUIRED && !found.sandboxed()) {
            throw new CliFailure("--sandbox required, but " + found.line().render(Language.ENGLISH));
        }
        return found;
    }
}
