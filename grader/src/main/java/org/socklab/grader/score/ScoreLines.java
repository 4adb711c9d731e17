package org.socklab.grader.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.FeedbackCodec;
import org.socklab.grader.harness.Floor;

/**
 * A {@link ScoreReport} as lines of tab-separated fields, the way a grading JVM hands its score to
 * the command that started it ({@link GradingHost}): {@code exercise KEY}, then one {@code test ID
 * NAME POINTS MAX STATUS FEEDBACK HIDDEN} line per test (after a {@code floor NANOS STARTS} line
 * when the exercise counted a {@link Floor}), then {@code end}. The name and the feedback are
 * messages, not text ({@link FeedbackCodec}: the report renders them in its language), the
 * feedback's messages separated by commas; tabs, line ends and backslashes in the id are escaped,
 * so one record is always one line.
 *
 * <p>Only the grading JVM writes these lines, on its own standard output; student processes are
 * its children, with pipes of their own. A text that does not read back whole is refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class ScoreLines {
    static final String END = "end";
    private static final String FLOOR = "floor";

    private ScoreLines() {}

    public static String write(ScoreReport report) {
        StringBuilder out = new StringBuilder();
        for (ExerciseScore exercise : report.exercises()) {
            out.append("exercise\t").append(exercise.exercise().key()).append('\n');
            if (!exercise.floor().equals(Floor.NONE)) {
                out.append(FLOOR).append('\t').append(exercise.floor().encode()).append('\n');
            }
            for (TestScore test : exercise.tests()) {
                out.append(String.join(
                                "\t",
                                "test",
                                escape(test.id()),
                                FeedbackCodec.encode(test.name()),
                                Integer.toString(test.points()),
                                Integer.toString(test.max()),
                                test.status().name(),
                                String.join(
                                        ",",
                                        test.feedback().stream()
                                                .map(FeedbackCodec::encode)
                                                .toList()),
                                Boolean.toString(test.hidden())))
                        .append('\n');
            }
        }
        return out.append(END).append('\n').toString();
    }

    /**
     * The report these lines hold.
     *
     * @throws IllegalArgumentException if they are not a whole report
     */
    public static ScoreReport read(List<String> lines) {
        List<ExerciseScore> exercises = new ArrayList<>();
        Exercise exercise = null;
        List<TestScore> tests = new ArrayList<>();
        Floor floor = Floor.NONE;
        for (String line : lines) {
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "exercise" -> {
                    if (exercise != null) {
                        exercises.add(ExerciseScore.of(exercise, tests, floor));
                    }
                    exercise = Exercise.byKey(fields[1])
                            .orElseThrow(() -> new IllegalArgumentException("unknown exercise: " + fields[1]));
                    tests = new ArrayList<>();
                    floor = Floor.NONE;
                }
                case FLOOR -> {
                    if (exercise == null || fields.length != 2) {
                        throw new IllegalArgumentException("a floor line out of place");
                    }
                    floor = Floor.decode(fields[1]).orElseThrow(() -> new IllegalArgumentException("not a floor"));
                }
                case "test" -> {
                    if (exercise == null || fields.length != 8) {
                        throw new IllegalArgumentException("a test line out of place");
                    }
                    tests.add(new TestScore(
                            unescape(fields[1]),
                            message(fields[2]),
                            Integer.parseInt(fields[3]),
                            Integer.parseInt(fields[4]),
                            Status.valueOf(fields[5].toUpperCase(Locale.ROOT)),
                            fields[6].isEmpty()
                                    ? List.of()
                                    : Arrays.stream(fields[6].split(","))
                                            .map(ScoreLines::message)
                                            .toList(),
                            Boolean.parseBoolean(fields[7])));
                }
                case END -> {
                    if (exercise != null) {
                        exercises.add(ExerciseScore.of(exercise, tests, floor));
                    }
                    return ScoreReport.of(exercises);
                }
                default -> throw new IllegalArgumentException("not a score line");
            }
        }
        throw new IllegalArgumentException("the score ended early");
    }

    private static Feedback message(String field) {
        return FeedbackCodec.decode(field).orElseThrow(() -> new IllegalArgumentException("not a message"));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
