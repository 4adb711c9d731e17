package org.socklab.cli.classreport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A graded class as a folder: {@value ClassGradebook#FILE}, {@value ClassHtml#FILE}, and each
 * student's reports under {@code reports/<student>/} ({@code score.json}, {@code summary.md},
 * {@code results.json}, {@code report.html}). The HTML pages are made from the gradebook and the
 * {@code score.json} files alone, so a merge of shards makes them the same way as one machine.
 * Stateless.
 */
public final class ClassReport {
    public static final String REPORTS = "reports";

    private ClassReport() {}

    /** The folder of a student's reports in a class folder. */
    public static Path reportsOf(Path classFolder, String student) {
        return classFolder.resolve(REPORTS).resolve(student);
    }

    /**
     * Writes the gradebook, then the HTML pages from it and the students' {@code score.json} files
     * already in the folder.
     */
    public static void write(Path folder, String title, ClassGradebook gradebook) {
        try {
            Files.createDirectories(folder);
            gradebook.writeTo(folder.resolve(ClassGradebook.FILE));
            Map<String, List<TestResult>> scores = new LinkedHashMap<>();
            for (ClassRow row : gradebook.rows()) {
                Optional<List<TestResult>> tests =
                        StudentScores.read(reportsOf(folder, row.student()).resolve("score.json"));
                if (tests.isPresent()) {
                    scores.put(row.student(), tests.get());
                    Files.writeString(
                            reportsOf(folder, row.student()).resolve(StudentHtml.FILE),
                            StudentHtml.render(row, tests.get()),
                            StandardCharsets.UTF_8);
                }
            }
            Files.writeString(
                    folder.resolve(ClassHtml.FILE), ClassHtml.render(title, gradebook, scores), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the class report into " + folder, e);
        }
    }

    /** A short Markdown summary of the gradebook for {@code $GITHUB_STEP_SUMMARY}. */
    public static String markdown(String title, ClassGradebook gradebook) {
        StringBuilder out = new StringBuilder("## ")
                .append(title.replaceAll("[|<>\\[\\]`*_#!\\\\]", " "))
                .append("\n\n");
        out.append("| Student | Total | Hidden | Late commits | Status |\n|---|---:|---:|---:|---|\n");
        for (ClassRow row : gradebook.rows()) {
            out.append("| ")
                    .append(row.student())
                    .append(" | ")
                    .append(row.total())
                    .append('/')
                    .append(row.max())
                    .append(" | ")
                    .append(row.hiddenMax() > 0 ? row.hidden() + "/" + row.hiddenMax() : "")
                    .append(" | ")
                    .append(row.laterCommits() > 0 ? row.laterCommits() : "")
                    .append(" | ")
                    .append(row.status().written().replace('_', ' '))
                    .append(
                            row.reason().isEmpty()
                                    ? ""
                                    : ": " + row.reason().replaceAll("[|<>\\[\\]`*_#!\\\\\\r\\n]", " "))
                    .append(" |\n");
        }
        return out.append("\nThe class report (class.html) and every student's reports are in the artifact.\n")
                .toString();
    }
}
