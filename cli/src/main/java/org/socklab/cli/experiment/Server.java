package org.socklab.cli.experiment;

/** Which server a case measured. */
enum Server {
    /** The submission's own server (the bundled reference when no folder is given). */
    SUBMISSION("submission"),
    /** {@link org.socklab.grader.experiment.StallBlocksEveryoneServer}, the sequential baseline. */
    SEQUENTIAL_BASELINE("sequential-baseline");

    private final String value;

    Server(String value) {
        this.value = value;
    }

    /** Its name in the CSV and in the child's settings. */
    String value() {
        return value;
    }
}
