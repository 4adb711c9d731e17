package org.socklab.cli.report;

import java.util.List;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.ScoreJson;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.TestScore;

/**
 * Writes a score as {@code summary.md}, for a person, ready to append to
 * {@code $GITHUB_STEP_SUMMARY}:
 *
 * <pre>
 * ## socklab: 6/10
 *
 * | Exercise | Points |
 * |---|---:|
 * | 1. echocaps | 6/10 |
 * | **Total** | **6/10** |
 *
 * ### Lost points
 *
 * | Exercise | Test | Points | What was observed |
 * |---|---|---:|---|
 * | echocaps | frames a line ... | 0/1 | no reply within 10 s ... |
 * </pre>
 *
 * Notices about the sources (a byte order mark removed) follow the sandbox's line as a list. Text
 * that may come from a student (the observations, file names) is escaped, so that it can neither
 * break the table nor inject HTML or links. Stateless.
 */
final class SummaryMarkdown {
    private SummaryMarkdown() {}

    static String write(
            ScoreReport report,
            String title,
            String compileErrors,
            String sandbox,
            List<String> notices,
            Language language) {
        StringBuilder out = new StringBuilder();
        out.append("## ")
                .append(cell(title))
                .append(": ")
                .append(report.total())
                .append('/')
                .append(report.max())
                .append("\n\n")
                .append(cell(sandbox))
                .append("\n\n");
        for (String notice : notices) {
            out.append("- ").append(cell(notice)).append('\n');
        }
        if (!notices.isEmpty()) {
            out.append('\n');
        }
        if (!compileErrors.isEmpty()) {
            out.append(ReportTexts.text(language, "summary.notCompiled"))
                    .append("\n\n```text\n")
                    .append(compileErrors.replace("```", "'''"))
                    .append("\n```\n\n");
        }
        out.append("| ")
                .append(ReportTexts.text(language, "summary.exercise"))
                .append(" | ")
                .append(ReportTexts.text(language, "summary.points"))
                .append(" |\n|---|---:|\n");
        for (ExerciseScore exercise : report.exercises()) {
            out.append("| ")
                    .append(exercise.exercise().number())
                    .append(". ")
                    .append(exercise.exercise().key())
                    .append(" | ")
                    .append(exercise.points())
                    .append('/')
                    .append(exercise.max())
                    .append(" |\n");
        }
        out.append("| **")
                .append(ReportTexts.text(language, "summary.total"))
                .append("** | **")
                .append(report.total())
                .append('/')
                .append(report.max())
                .append("** |\n");
        if (report.hiddenMax() > 0) {
            out.append("| ")
                    .append(ReportTexts.text(language, "summary.hidden"))
                    .append(" | ")
                    .append(report.hiddenPoints())
                    .append('/')
                    .append(report.hiddenMax())
                    .append(" |\n");
        }
        boolean header = false;
        for (ExerciseScore exercise : report.exercises()) {
            for (TestScore test : exercise.tests()) {
                if (test.passed()) {
                    continue;
                }
                if (!header) {
                    out.append("\n### ")
                            .append(ReportTexts.text(language, "summary.lostPoints"))
                            .append("\n\n| ")
                            .append(ReportTexts.text(language, "summary.exercise"))
                            .append(" | ")
                            .append(ReportTexts.text(language, "summary.test"))
                            .append(" | ")
                            .append(ReportTexts.text(language, "summary.points"))
                            .append(" | ")
                            .append(ReportTexts.text(language, "summary.observed"))
                            .append(" |\n|---|---|---:|---|\n");
                    header = true;
                }
                out.append("| ")
                        .append(exercise.exercise().key())
                        .append(" | ")
                        .append(test.hidden() ? ReportTexts.text(language, "summary.hiddenTest") + " " : "")
                        .append(cell(test.name().render(language)))
                        .append(" | ")
                        .append(test.points())
                        .append('/')
                        .append(test.max())
                        .append(" | ")
                        .append(cell(ScoreJson.feedback(test, language)))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** Text made safe for one table cell: no line breaks, no table pipes, no HTML, no Markdown markup. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("<br>");
                case '\r' -> out.append(' ');
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!' ->
                    out.append('\\').append(c);
                default -> out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
