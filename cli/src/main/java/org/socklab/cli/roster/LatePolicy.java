package org.socklab.cli.roster;

/** What is done with commits made after the deadline: always recorded in the gradebook. */
public enum LatePolicy {
    /** The last commit at or before the deadline is graded; later ones are only counted. */
    RECORD,
    /** The last commit is graded, late or not; the later ones are counted all the same. */
    GRADE;

    /** @throws BadInput for anything but {@code record} or {@code grade} */
    public static LatePolicy parse(String text) {
        return switch (text) {
            case "record" -> RECORD;
            case "grade" -> GRADE;
            default -> throw new BadInput("expected --late record or --late grade, not " + text);
        };
    }
}
