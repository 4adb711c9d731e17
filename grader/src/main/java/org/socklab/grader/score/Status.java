package org.socklab.grader.score;

/** How a graded test ended, as far as scoring is concerned. */
public enum Status {
    /** It ran and passed: all its points. */
    PASSED(true),
    /** It ran and failed, or could not run its server: no points. */
    FAILED(false),
    /** It was discovered but never reported (a setup step before it failed): no points. */
    NOT_RUN(false),
    /**
     * It failed on a root cause that an earlier test of its exercise already reported (a gate:
     * {@code serve} that does not return, a newcomer that never gets its joined line): no points,
     * and no hint of its own, since it could not check what it is about.
     */
    BLOCKED(false),
    /** The grader could not judge on this platform and says so: all its points. */
    NOT_CHECKED(true);

    private final boolean earnsPoints;

    Status(boolean earnsPoints) {
        this.earnsPoints = earnsPoints;
    }

    public boolean earnsPoints() {
        return earnsPoints;
    }
}
