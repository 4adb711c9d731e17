package org.socklab.cli.report;

import java.util.List;
import java.util.Set;
import org.socklab.cli.grading.GradeResult;
import org.socklab.grader.Exercise;
import org.socklab.grader.score.ExerciseScore;

/**
 * The gradebook CSV of {@code grade-all}: a header, then one row per submission, in the order
 * given:
 *
 * <pre>
 * student,total,max,echocaps,bounded,status,reason
 * alice,25,25,10,15,graded,
 * bob,0,25,0,0,failed,does not compile
 * </pre>
 *
 * RFC 4180 quoting; a field that a spreadsheet would take for a formula ({@code = + - @} first)
 * is prefixed with {@code '}, since folder names come from students. Stateless.
 */
public final class Gradebook {
    private Gradebook() {}

    /** One submission's row: its score, or zeros and why it could not be graded. */
    public record Row(String student, int total, int max, List<Integer> points, String status, String reason) {
        public Row {
            points = List.copyOf(points);
        }
    }

    public static Row graded(GradeResult result, Set<Exercise> exercises) {
        List<Integer> points = exercises.stream()
                .map(exercise -> result.report()
                        .exercise(exercise)
                        .map(ExerciseScore::points)
                        .orElse(0))
                .toList();
        return result.compiled()
                ? new Row(
                        result.submission().name(),
                        result.report().total(),
                        result.report().max(),
                        points,
                        "graded",
                        "")
                : new Row(result.submission().name(), 0, result.report().max(), points, "failed", "does not compile");
    }

    public static Row failed(String student, Set<Exercise> exercises, int max, String reason) {
        return new Row(student, 0, max, exercises.stream().map(exercise -> 0).toList(), "failed", reason);
    }

    public static String write(List<Row> rows, Set<Exercise> exercises) {
        StringBuilder out = new StringBuilder("student,total,max");
        exercises.forEach(exercise -> out.append(',').append(exercise.key()));
        out.append(",status,reason\n");
        for (Row row : rows) {
            out.append(field(row.student()))
                    .append(',')
                    .append(row.total())
                    .append(',')
                    .append(row.max());
            row.points().forEach(points -> out.append(',').append(points));
            out.append(',')
                    .append(row.status())
                    .append(',')
                    .append(field(row.reason()))
                    .append('\n');
        }
        return out.toString();
    }

    static String field(String text) {
        String value = text.replace('\n', ' ').replace('\r', ' ');
        if (!value.isEmpty() && "=+-@\t".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
