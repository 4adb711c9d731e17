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

    private Reports() {
    }

    public static void write(GradeResult result, Language language, Path folder) {
        String title = "socklab: " + result.submission().name();
        String sandbox = result.containment().describe(language);
        ReportFolder.replace(folder.resolve(SCORE), ScoreJson.write(result.report(), language, result.containment()));
        List<String> notices = result.notices(language);
        ReportFolder.replace(folder.resolve(SUMMARY), SummaryMarkdown.write(result.report(), title,
                result.compileErrors(), sandbox, notices));
        String output = "socklab: " + result.report().total() + "/" + result.report().max() + "\n" + sandbox
                + notices.stream().map(notice -> "\n" + notice).collect(Collectors.joining())
                + (result.compiled() ? "" : "\nThe submission does not compile:\n" + result.compileErrors());
        ReportFolder.replace(folder.resolve(GRADESCOPE), GradescopeJson.write(result.report(), output));
    }
}
