package org.socklab.grader.harness;

import java.util.Locale;

/**
 * Where a student's server runs while the graded tests talk to it, chosen by the configuration
 * parameter {@value ServerExtension#ISOLATION}.
 *
 * <ul>
 *   <li>{@link #IN_PROCESS}: in the JVM that runs the tests, on a thread group of its own. Fast,
 *       and what a student's {@code mvn test} uses: the student trusts their own code.</li>
 *   <li>{@link #CHILD_PROCESS}: in a child JVM per exercise, with a memory cap, a thread cap and
 *       a deadline to stop; the tests stay in the grader's JVM and see the server only through
 *       TCP and the operating system. What the {@code socklab} command uses.</li>
 * </ul>
 */
public enum Isolation {
    IN_PROCESS,
    CHILD_PROCESS;

    /** The value of the configuration parameter: {@code in-process} or {@code child-process}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses the parameter's value, ignoring case and accepting {@code _} for {@code -}.
     *
     * @throws IllegalArgumentException with the accepted values, for anything else
     */
    public static Isolation parse(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Isolation isolation : values()) {
            if (isolation.value().equals(wanted)) {
                return isolation;
            }
        }
        throw new IllegalArgumentException(
                ServerExtension.ISOLATION + ": expected in-process or child-process, not " + value);
    }
}
