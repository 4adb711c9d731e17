package org.socklab.grader.score;

import java.util.Locale;
import java.util.stream.Collectors;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Floor;

/**
 * Writes a {@link ScoreReport} as {@code score.json}, whose format (documented in the README) is:
 *
 * <pre>{@code
 * { "format": "socklab-score/1", "language": "en", "total": 6, "max": 10,
 *   "exercises": [ { "exercise": "echocaps", "number": 1, "points": 6, "max": 10,
 *       "tests": [ { "id": "repliesToOneLine", "name": "...", "points": 1, "max": 1,
 *                    "passed": true, "status": "passed", "feedback": "" } ] } ] }
 * }</pre>
 *
 * A {@linkplain org.socklab.grader.Hidden hidden} test also has {@code "hidden": true}. An exercise
 * whose grading counted a {@link Floor} (the deliberate windows and JVM starts a correct solution
 * cannot avoid, for benchmarks) also has {@code "floor": { "windowsMs": 9000, "jvmStarts": 3 }}.
 *
 * Hand-written rather than a JSON library: the format is small and flat, and the grader stays
 * light for students' builds; the project's tests read it back with a real parser. Stateless.
 */
public final class ScoreJson {
    /** The version of the format; it changes only when a field changes meaning or goes away. */
    public static final String FORMAT = "socklab-score/1";

    private ScoreJson() {}

    public static String write(ScoreReport report, Language language) {
        return write(report, language, null);
    }

    /**
     * With {@code "sandbox"}: how the grading contained student code ({@code kind} {@code bwrap} or
     * {@code none}, {@code version}, {@code limits}, and {@code line}, the report's one-line
     * account of it); left out when {@code containment} is null (a student's own run).
     */
    public static String write(
            ScoreReport report, Language language, org.socklab.grader.harness.Containment containment) {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"format\": ").append(quote(FORMAT)).append(",\n");
        out.append("  \"language\": ")
                .append(quote(language.locale().toLanguageTag()))
                .append(",\n");
        if (containment != null) {
            out.append("  \"sandbox\": {\"kind\": ")
                    .append(quote(containment.sandbox().kind().value()))
                    .append(", \"version\": ")
                    .append(quote(containment.version()))
                    .append(", \"limits\": ")
                    .append(quote(
                            containment.sandboxed()
                                    ? containment.sandbox().limits().feedback().render(language)
                                    : ""))
                    .append(", \"line\": ")
                    .append(quote(containment.line().render(language)))
                    .append("},\n");
        }
        out.append("  \"total\": ").append(report.total()).append(",\n");
        out.append("  \"max\": ").append(report.max()).append(",\n");
        out.append("  \"exercises\": [");
        String exerciseSeparator = "\n";
        for (ExerciseScore exercise : report.exercises()) {
            out.append(exerciseSeparator);
            exerciseSeparator = ",\n";
            out.append("    {\n");
            out.append("      \"exercise\": ")
                    .append(quote(exercise.exercise().key()))
                    .append(",\n");
            out.append("      \"number\": ")
                    .append(exercise.exercise().number())
                    .append(",\n");
            out.append("      \"points\": ").append(exercise.points()).append(",\n");
            out.append("      \"max\": ").append(exercise.max()).append(",\n");
            if (!exercise.floor().equals(Floor.NONE)) {
                out.append("      \"floor\": { \"windowsMs\": ")
                        .append(exercise.floor().windows().toMillis())
                        .append(", \"jvmStarts\": ")
                        .append(exercise.floor().jvmStarts())
                        .append(" },\n");
            }
            out.append("      \"tests\": [");
            String testSeparator = "\n";
            for (TestScore test : exercise.tests()) {
                out.append(testSeparator);
                testSeparator = ",\n";
                out.append("        {")
                        .append("\"id\": ")
                        .append(quote(test.id()))
                        .append(", \"name\": ")
                        .append(quote(test.name().render(language)))
                        .append(", \"points\": ")
                        .append(test.points())
                        .append(", \"max\": ")
                        .append(test.max())
                        .append(", \"passed\": ")
                        .append(test.passed())
                        .append(", \"status\": ")
                        .append(quote(test.status().name().toLowerCase(Locale.ROOT)))
                        .append(", \"feedback\": ")
                        .append(quote(feedback(test, language)))
                        .append(test.hidden() ? ", \"hidden\": true" : "")
                        .append('}');
            }
            out.append(exercise.tests().isEmpty() ? "]\n" : "\n      ]\n");
            out.append("    }");
        }
        out.append(report.exercises().isEmpty() ? "]\n" : "\n  ]\n");
        out.append("}\n");
        return out.toString();
    }

    /** A test's feedback as one text, a line per message, in the language: what every report shows. */
    public static String feedback(TestScore test, Language language) {
        return test.feedback().stream().map(message -> message.render(language)).collect(Collectors.joining("\n"));
    }

    /**
     * {@code text} as a JSON string literal; also used by the command's other JSON reports, so that
     * the project has one JSON writer (line separators escaped too, for JavaScript readers).
     */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
