package org.socklab.cli.report;

import java.util.Locale;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.ScoreJson;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.TestScore;

/**
 * Writes a score as Gradescope's autograder {@code results.json}:
 *
 * <pre>{@code
 * { "score": 6, "max_score": 10, "output": "socklab: 6/10", "visibility": "visible",
 *   "tests": [ { "name": "1. echocaps: replies to ...", "number": "1.1", "score": 1,
 *                "max_score": 1, "status": "passed", "output": "", "visibility": "visible" } ] }
 * }</pre>
 *
 * A test not earned is {@code "failed"}, with the student's feedback as its output. A
 * {@linkplain org.socklab.grader.Hidden hidden} test has the visibility {@code "after_published"}:
 * Gradescope shows it to the student only once the teacher publishes the grades. Stateless.
 */
final class GradescopeJson {
    private GradescopeJson() {}

    static String write(ScoreReport report, String output, Language language) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"score\": ").append(report.total()).append(",\n");
        out.append("  \"max_score\": ").append(report.max()).append(",\n");
        out.append("  \"output\": ").append(ScoreJson.quote(output)).append(",\n");
        out.append("  \"visibility\": \"visible\",\n");
        out.append("  \"stdout_visibility\": \"hidden\",\n");
        out.append("  \"tests\": [");
        String separator = "\n";
        for (ExerciseScore exercise : report.exercises()) {
            int number = 0;
            for (TestScore test : exercise.tests()) {
                number++;
                out.append(separator);
                separator = ",\n";
                out.append("    {")
                        .append("\"name\": ")
                        .append(ScoreJson.quote(exercise.exercise().number() + ". "
                                + exercise.exercise().key() + ": " + test.name().render(language)))
                        .append(", \"number\": ")
                        .append(ScoreJson.quote(exercise.exercise().number() + "." + number))
                        .append(", \"score\": ")
                        .append(test.points())
                        .append(", \"max_score\": ")
                        .append(test.max())
                        .append(", \"status\": ")
                        .append(ScoreJson.quote(test.passed() ? "passed" : "failed"))
                        .append(", \"output\": ")
                        .append(ScoreJson.quote(ScoreJson.feedback(test, language)))
                        .append(", \"tags\": [")
                        .append(ScoreJson.quote(exercise.exercise().key().toLowerCase(Locale.ROOT)))
                        .append("], \"visibility\": ")
                        .append(ScoreJson.quote(test.hidden() ? "after_published" : "visible"))
                        .append('}');
            }
        }
        out.append(separator.equals("\n") ? "]\n" : "\n  ]\n");
        out.append("}\n");
        return out.toString();
    }
}
