package org.socklab.grader.score;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.platform.launcher.TestExecutionListener;
import org.socklab.grader.Exercise;

/**
 * The main class of a grading JVM: grades some exercises ({@link Grading#run}) and writes their
 * score on its standard output as {@link ScoreLines}, and nothing else there (anything else this
 * JVM prints goes to its standard error). The command starts one per exercise, inside the outer
 * sandbox when there is one, so that the grader's clients and the student's servers share a
 * private network, and an exercise's attack costs that exercise alone.
 *
 * <p>Arguments: the exercises' keys, comma-separated, then JUnit configuration parameters as
 * {@code key=value}. The score holds messages, not text: the command renders them in its language.
 */
public final class GradingHost {
    /** The argument that names the {@link TestSelection}; taken out of the JUnit parameters. */
    static final String SELECTION = "socklab.selection";

    private GradingHost() {}

    public static void main(String[] args) {
        PrintStream score = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Set<Exercise> exercises = EnumSet.noneOf(Exercise.class);
        for (String key : args[0].split(",")) {
            exercises.add(Exercise.byKey(key).orElseThrow(() -> new IllegalArgumentException("no exercise " + key)));
        }
        Map<String, String> configuration = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            configuration.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        TestSelection selection =
                TestSelection.valueOf(configuration.getOrDefault(SELECTION, TestSelection.VISIBLE.name()));
        configuration.remove(SELECTION);
        ScoreReport report = Grading.run(exercises, selection, configuration, new TestExecutionListener() {});
        score.print(ScoreLines.write(report));
        score.flush();
        // the harness's daemon threads and anything left of the submission's classes end here
        Runtime.getRuntime().halt(0);
    }
}
