package org.socklab.cli.classreport;

import java.util.List;

/**
 * One student's row of the class gradebook.
 *
 * @param student the student, as the roster names them
 * @param total the points earned, hidden tests included
 * @param max the points possible, hidden tests included
 * @param points the points of each exercise, in the gradebook's exercise order
 * @param hidden the points earned in hidden tests (part of {@code total})
 * @param hiddenMax the points the hidden tests are worth (part of {@code max})
 * @param status how the row came to be
 * @param reason why it is not graded; empty when graded
 * @param commit the commit graded; empty for a plain folder or nothing graded
 * @param commitTime that commit's committer date, ISO 8601 in UTC; empty with no commit
 * @param laterCommits how many commits are dated after the deadline: late work, recorded
 */
public record ClassRow(
        String student,
        int total,
        int max,
        List<Integer> points,
        int hidden,
        int hiddenMax,
        RowStatus status,
        String reason,
        String commit,
        String commitTime,
        int laterCommits) {

    public ClassRow {
        points = List.copyOf(points);
    }

    /** A row of zeros for a student who was not graded, and why. */
    public static ClassRow notGraded(String student, int exercises, String reason, int laterCommits) {
        return new ClassRow(
                student,
                0,
                0,
                java.util.Collections.nCopies(exercises, 0),
                0,
                0,
                RowStatus.NOT_GRADED,
                reason,
                "",
                "",
                laterCommits);
    }
}
