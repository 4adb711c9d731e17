package org.socklab.grader.harness;

import java.time.Duration;
import java.util.Optional;

/**
 * The part of a grading's time that a correct solution cannot avoid: the deliberate windows its
 * tests waited through (a must-not-happen window, a pause, a stress budget, the pacing of a
 * piecewise write) and the JVMs it started (a server host, a direct check, a grading JVM). A
 * benchmark divides the wall time by it, a JVM start costed at what it measures one to take.
 *
 * <p>Counted as tests go by {@link FloorMeter}; it travels from a test to its exercise's score as
 * a JUnit report entry ({@value #ENTRY}), and from a child JVM as text ({@link #encode()}).
 * Immutable.
 */
public record Floor(Duration windows, int jvmStarts) {
    /** Nothing unavoidable. */
    public static final Floor NONE = new Floor(Duration.ZERO, 0);
    /** The key of the JUnit report entry that carries one test's floor. */
    public static final String ENTRY = "socklab.floor";

    public Floor plus(Floor other) {
        return new Floor(windows.plus(other.windows), jvmStarts + other.jvmStarts);
    }

    /** As text: the windows' nanoseconds and the JVM starts, separated by a space. */
    public String encode() {
        return windows.toNanos() + " " + jvmStarts;
    }

    /** The floor {@link #encode()} wrote, or nothing if the text is not one. */
    public static Optional<Floor> decode(String text) {
        String[] fields = text.strip().split(" ");
        try {
            if (fields.length == 2) {
                long nanos = Long.parseLong(fields[0]);
                int starts = Integer.parseInt(fields[1]);
                if (nanos >= 0 && starts >= 0) {
                    return Optional.of(new Floor(Duration.ofNanos(nanos), starts));
                }
            }
        } catch (NumberFormatException e) {
            // not a floor
        }
        return Optional.empty();
    }
}
