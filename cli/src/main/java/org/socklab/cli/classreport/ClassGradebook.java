package org.socklab.cli.classreport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Csv;

/**
 * The gradebook of a class graded from a roster ({@code gradebook.csv}): one row per student of
 * the roster, in its order, never fewer:
 *
 * <pre>
 * student,total,max,echocaps,http,hidden,hidden_max,status,reason,commit,commit_time,late_commits
 * ana,27,27,12,15,2,2,graded,,3f2a...,2026-12-10T21:04:11Z,0
 * bruno,0,0,0,0,0,0,not_graded,cannot fetch the repository: ...,,,0
 * </pre>
 *
 * {@code total} and {@code max} include the hidden tests, whose share is {@code hidden} of
 * {@code hidden_max}. Written the same way from the same rows, byte for byte. Immutable.
 *
 * @param exercises the exercises' keys, in course order
 * @param rows the students' rows
 */
public record ClassGradebook(List<String> exercises, List<ClassRow> rows) {
    public static final String FILE = "gradebook.csv";
    private static final List<String> BEFORE = List.of("student", "total", "max");
    private static final List<String> AFTER =
            List.of("hidden", "hidden_max", "status", "reason", "commit", "commit_time", "late_commits");

    public ClassGradebook {
        exercises = List.copyOf(exercises);
        rows = List.copyOf(rows);
    }

    public String write() {
        StringBuilder out = new StringBuilder(Csv.line(header(exercises)));
        for (ClassRow row : rows) {
            List<String> fields = new ArrayList<>(List.of(row.student(), "" + row.total(), "" + row.max()));
            row.points().forEach(points -> fields.add("" + points));
            fields.addAll(List.of(
                    "" + row.hidden(),
                    "" + row.hiddenMax(),
                    row.status().written(),
                    row.reason(),
                    row.commit(),
                    row.commitTime(),
                    "" + row.laterCommits()));
            out.append(Csv.line(fields));
        }
        return out.toString();
    }

    /** Writes it into {@code file} whole or not at all (a temporary file moved into place). */
    public void writeTo(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = Files.createTempFile(absolute.getParent(), ".gradebook-", ".partial");
        Files.writeString(partial, write(), StandardCharsets.UTF_8);
        Files.move(
                partial,
                absolute,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** @throws BadInput for a file that is not such a gradebook */
    public static ClassGradebook read(Path file) {
        List<List<String>> records;
        try {
            records = Csv.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInput("cannot read " + file + ": " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new BadInput(file + " is empty");
        }
        List<String> header = records.get(0);
        int exerciseCount = header.size() - BEFORE.size() - AFTER.size();
        if (exerciseCount < 0) {
            throw new BadInput(file + " is not a class gradebook");
        }
        List<String> exercises = header.subList(BEFORE.size(), BEFORE.size() + exerciseCount);
        if (!header.equals(header(exercises))) {
            throw new BadInput(file + " is not a class gradebook: its header is " + String.join(",", header));
        }
        List<ClassRow> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            if (record.size() != header.size()) {
                throw new BadInput(file + ": a row has " + record.size() + " fields instead of " + header.size());
            }
            try {
                int at = BEFORE.size() + exerciseCount;
                List<Integer> points = record.subList(BEFORE.size(), at).stream()
                        .map(Integer::parseInt)
                        .toList();
                rows.add(new ClassRow(
                        unescaped(record.get(0)),
                        Integer.parseInt(record.get(1)),
                        Integer.parseInt(record.get(2)),
                        points,
                        Integer.parseInt(record.get(at)),
                        Integer.parseInt(record.get(at + 1)),
                        RowStatus.of(record.get(at + 2)),
                        unescaped(record.get(at + 3)),
                        record.get(at + 4),
                        record.get(at + 5),
                        Integer.parseInt(record.get(at + 6))));
            } catch (IllegalArgumentException e) {
                throw new BadInput(file + ": a row is not a gradebook row: " + e.getMessage());
            }
        }
        return new ClassGradebook(exercises, rows);
    }

    private static List<String> header(List<String> exercises) {
        List<String> header = new ArrayList<>(BEFORE);
        header.addAll(exercises);
        header.addAll(AFTER);
        return header;
    }

    /** The text before the spreadsheet guard's {@code '} was added. */
    private static String unescaped(String field) {
        return field.length() > 1 && field.charAt(0) == '\'' && "=+-@\t".indexOf(field.charAt(1)) >= 0
                ? field.substring(1)
                : field;
    }
}
