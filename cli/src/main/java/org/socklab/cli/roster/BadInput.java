package org.socklab.cli.roster;

/**
 * Input a teacher gave that cannot be used (a roster line, a deadline, a shard), in one line that
 * says which and why; the command prints it and exits non-zero before any long work. Immutable.
 */
public final class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInput(String reason) {
        super(reason);
    }
}
