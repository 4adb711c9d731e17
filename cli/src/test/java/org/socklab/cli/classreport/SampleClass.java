package org.socklab.cli.classreport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Class folders as grading leaves them, made without grading: a gradebook, and a
 * {@code score.json} per graded student whose echocaps tests pass or fail as told. For the tests
 * of the merge and the class report. Stateless.
 */
public final class SampleClass {
    /** The tests of the sample: four visible, one hidden, each worth one point. */
    public static final List<String> TESTS = List.of(
            "repliesToOneLine",
            "framesALineSentOneByteAtATime",
            "decodesACharacterSplitAcrossWrites",
            "echoesAOneMebibyteLine",
            "decodesLongCharactersSentOneByteAtATime");

    private SampleClass() {}

    /** A graded student: the tests not in {@code failed} pass. */
    public static ClassRow graded(String student, String... failed) {
        int points = TESTS.size() - failed.length;
        boolean hiddenFailed = List.of(failed).contains(TESTS.get(4));
        return new ClassRow(
                student,
                points,
                TESTS.size(),
                List.of(points),
                hiddenFailed ? 0 : 1,
                1,
                RowStatus.GRADED,
                "",
                "0123456789abcdef0123456789abcdef01234567",
                "2026-12-10T20:00:00Z",
                student.startsWith("l") ? 2 : 0);
    }

    /** Writes a class folder with these rows, and each graded student's {@code score.json}. */
    public static Path folder(Path folder, List<ClassRow> rows, List<List<String>> failures) {
        try {
            for (int i = 0; i < rows.size(); i++) {
                ClassRow row = rows.get(i);
                if (row.status() != RowStatus.NOT_GRADED) {
                    Path reports = ClassReport.reportsOf(folder, row.student());
                    Files.createDirectories(reports);
                    Files.writeString(reports.resolve("score.json"), scoreJson(failures.get(i)));
                    Files.writeString(reports.resolve("summary.md"), "## socklab: " + row.student() + "\n");
                }
            }
            ClassReport.write(folder, "a shard", new ClassGradebook(List.of("echocaps"), rows));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scoreJson(List<String> failed) {
        List<String> tests = new ArrayList<>();
        for (String id : TESTS) {
            boolean passed = !failed.contains(id);
            tests.add("{\"id\": \"" + id + "\", \"name\": \""
                    + id.replaceAll("([A-Z])", " $1").toLowerCase() + "\", \"points\": "
                    + (passed ? 1 : 0) + ", \"max\": 1, \"passed\": " + passed + ", \"status\": \""
                    + (passed ? "passed" : "failed") + "\", \"feedback\": \""
                    + (passed ? "" : "no reply within 10 s to <b>\\\"" + id + "\\\"</b>\\nRead until the newline.")
                    + "\""
                    + (id.startsWith("decodesLong") ? ", \"hidden\": true" : "") + "}");
        }
        int points = (int) TESTS.stream().filter(id -> !failed.contains(id)).count();
        return "{\"format\": \"socklab-score/1\", \"language\": \"en\", \"total\": " + points
                + ", \"max\": 5, \"exercises\": "
                + "[{\"exercise\": \"echocaps\", \"number\": 1, \"points\": " + points + ", \"max\": 5, \"tests\": ["
                + String.join(", ", tests) + "]}]}";
    }
}
