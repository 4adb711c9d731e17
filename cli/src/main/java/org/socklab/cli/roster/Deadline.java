package org.socklab.cli.roster;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The instant work is due: the last commit at or before it is graded. Written in ISO 8601 with
 * its offset ({@code 2026-12-10T23:59-03:00}), so that it means the same on every machine.
 *
 * <p>A commit's time is its committer date, which the student's machine wrote: the deadline
 * judges what the repository says, not when it was pushed. Immutable.
 */
public record Deadline(Instant instant, String text) {

    /** @throws BadInput for a text that is not a date, a time and an offset */
    public static Deadline parse(String text) {
        try {
            return new Deadline(OffsetDateTime.parse(text).toInstant(), text);
        } catch (DateTimeParseException e) {
            throw new BadInput("expected a deadline such as 2026-12-10T23:59-03:00 (with its offset), not " + text);
        }
    }
}
