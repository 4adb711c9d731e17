package org.socklab.cli;

/**
 * Why a command could not do its job, in one line for a person (no such folder, not a template,
 * ...). The command prints it and exits with a non-zero status. Immutable.
 */
public final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliFailure(String reason) {
        super(reason);
    }
}
