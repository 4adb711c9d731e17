package org.socklab.cli.classreport;

import java.util.Locale;

/** How a student's row of the class gradebook came to be. */
public enum RowStatus {
    /** Graded: the points are the score (zero included). */
    GRADED,
    /** Grading was attempted and could not complete (does not compile, timed out, not a template). */
    FAILED,
    /** Never graded: the repository could not be fetched, had nothing to grade, or its shard left no result. */
    NOT_GRADED;

    /** As written in the gradebook: {@code graded}, {@code failed}, {@code not_graded}. */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RowStatus of(String written) {
        return valueOf(written.toUpperCase(Locale.ROOT));
    }
}
