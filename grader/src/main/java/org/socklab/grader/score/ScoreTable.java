package org.socklab.grader.score;

import java.util.List;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;

/**
 * The score as a table for a terminal: one line per exercise and per test, and under each test
 * that lost points, what was observed and what to look at. Plain ASCII frame, so it reads the
 * same in any terminal. Stateless.
 */
public final class ScoreTable {
    private static final int WIDTH = 78;

    private ScoreTable() {}

    public static String render(ScoreReport report, Language language) {
        StringBuilder out = new StringBuilder();
        String rule = "-".repeat(WIDTH);
        out.append(rule).append('\n');
        out.append(text("table.title", language)).append('\n');
        out.append(rule).append('\n');
        for (ExerciseScore exercise : report.exercises()) {
            String title =
                    exercise.exercise().number() + ". " + exercise.exercise().key();
            out.append(line(title, exercise.points() + "/" + exercise.max())).append('\n');
            if (sameFeedbackEverywhere(exercise)) {
                indent(out, exercise.tests().get(0).feedback(), language);
                continue;
            }
            for (TestScore test : exercise.tests()) {
                String mark = switch (test.status()) {
                    case PASSED -> text("table.passed", language);
                    case NOT_CHECKED -> text("table.notChecked", language);
                    case FAILED, NOT_RUN -> text("table.failed", language);
                    case BLOCKED -> text("table.blocked", language);
                };
                out.append("   ")
                        .append(pad(mark, 6))
                        .append(' ')
                        .append(padLeft(test.points() + "/" + test.max(), 5))
                        .append("  ")
                        .append(test.name().render(language))
                        .append('\n');
                indent(out, test.feedback(), language);
            }
        }
        out.append(rule).append('\n');
        out.append(line(text("table.total", language), report.total() + "/" + report.max()))
                .append('\n');
        out.append(rule).append('\n');
        return out.toString();
    }

    /**
     * Whether every test lost its points for one and the same reason (typically: not implemented
     * yet). Then the reason is said once, instead of once per test.
     */
    private static boolean sameFeedbackEverywhere(ExerciseScore exercise) {
        return exercise.tests().size() > 1
                && exercise.points() == 0
                && exercise.tests().stream().map(TestScore::feedback).distinct().count() == 1;
    }

    private static void indent(StringBuilder out, List<Feedback> feedback, Language language) {
        for (Feedback message : feedback) {
            for (String feedbackLine : message.render(language).split("\n")) {
                out.append("          ").append(feedbackLine).append('\n');
            }
        }
    }

    private static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    private static String line(String label, String score) {
        int room = WIDTH - score.length() - 1;
        String shown = label.length() > room ? label.substring(0, room - 3) + "..." : label;
        return pad(shown, room) + " " + score;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String text(String key, Language language) {
        return CoreFeedback.MESSAGES.format(key, language, List.of());
    }
}
