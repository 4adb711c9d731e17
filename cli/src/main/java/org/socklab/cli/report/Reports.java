package org.socklab.cli.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.socklab.cli.grading.GradeResult;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ScoreJson;

/**
 * Writes a grading's reports into one folder: {@value #SCORE} (the core's format),
 * {@value #SUMMARY} (for a person or {@code $GITHUB_STEP_SUMMARY}), {@value #GRADESCOPE}
 * (Gradescope's autograder format); the servers' output is already in {@value #OUTPUT_LOG}.
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
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(SCORE), ScoreJson.write(result.report(), language), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(SUMMARY), SummaryMarkdown.write(result.report(), title,
                    result.compileErrors()), StandardCharsets.UTF_8);
            String output = "socklab: " + result.report().total() + "/" + result.report().max()
                    + (result.report().hiddenMax() == 0 ? "" : " (visible " + visible(result) + ", hidden "
                            + result.report().hiddenPoints() + "/" + result.report().hiddenMax() + ")")
                    + (result.compiled() ? "" : "\nThe submission does not compile:\n" + result.compileErrors());
            Files.writeString(folder.resolve(GRADESCOPE), GradescopeJson.write(result.report(), output),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports into " + folder, e);
        }
    }

    private static String visible(GradeResult result) {
        return (result.report().total() - result.report().hiddenPoints()) + "/"
                + (result.report().max() - result.report().hiddenMax());
    }
}
