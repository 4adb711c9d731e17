package org.socklab.cli.report;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.socklab.cli.grading.GradeResult;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ScoreJson;

/**
 * Writes a grading's reports into one folder: {@value #SCORE} (the core's format),
 * {@value #SUMMARY} (for a person or {@code $GITHUB_STEP_SUMMARY}), {@value #GRADESCOPE}
 * (Gradescope's autograder format); the servers' output is already in {@value #OUTPUT_LOG}. The
 * grading's notices (a byte order mark removed from a source) are in the last two, after the
 * sandbox's line.
 * Stateless.
 */
public final class Reports {
    public static final String SCORE = "score.json";
    public static final String SUMMARY = "summary.md";
    public static final String GRADESCOPE = "results.json";
    public static final String OUTPUT_LOG = "output.log";

    private Reports() {}

    public static void write(GradeResult result, Language language, Path folder) {
        String title = "socklab: " + result.submission().name();
        String sandbox = result.containment().line().render(language);
        ReportFolder.replace(folder.resolve(SCORE), ScoreJson.write(result.report(), language, result.containment()));
        List<String> notices = result.notices(language);
        ReportFolder.replace(
                folder.resolve(SUMMARY),
                SummaryMarkdown.write(result.report(), title, result.compileErrors(), sandbox, notices, language));
        String output = "socklab: " + result.report().total() + "/"
                + result.report().max()
                + (result.report().hiddenMax() == 0
                        ? ""
                        : " (visible " + visible(result) + ", hidden "
                                + result.report().hiddenPoints() + "/"
                                + result.report().hiddenMax() + ")")
                + "\n" + sandbox
                + notices.stream().map(notice -> "\n" + notice).collect(Collectors.joining())
                + (result.compiled()
                        ? ""
                        : "\n" + ReportTexts.text(language, "results.notCompiled") + "\n" + result.compileErrors());
        ReportFolder.replace(folder.resolve(GRADESCOPE), GradescopeJson.write(result.report(), output, language));
        if (!result.compiled()) {
            // no server ran: an earlier run's output must not pass for this one's
            ReportFolder.replace(
                    folder.resolve(OUTPUT_LOG),
                    ReportTexts.text(language, "results.notCompiled") + "\n" + result.compileErrors() + "\n");
        }
    }

    private static String visible(GradeResult result) {
        return (result.report().total() - result.report().hiddenPoints()) + "/"
                + (result.report().max() - result.report().hiddenMax());
    }
}
