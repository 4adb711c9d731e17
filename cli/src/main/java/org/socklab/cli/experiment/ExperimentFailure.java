package org.socklab.cli.experiment;

import org.socklab.grader.feedback.Feedback;

/**
 * Why the experiment could not run (no such folder, it does not compile, a bad option), as a
 * message that the command renders in one line and turns into a non-zero exit. Immutable.
 */
final class ExperimentFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Feedback reason;
    private final boolean usage;

    ExperimentFailure(Feedback reason) {
        this(reason, false);
    }

    private ExperimentFailure(Feedback reason, boolean usage) {
        super(reason.key());
        this.reason = reason;
        this.usage = usage;
    }

    /** A command line that makes no sense. */
    static ExperimentFailure usage(Feedback reason) {
        return new ExperimentFailure(reason, true);
    }

    Feedback reason() {
        return reason;
    }

    boolean isUsage() {
        return usage;
    }
}
