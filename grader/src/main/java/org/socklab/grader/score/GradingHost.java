package org.socklab.grader.score;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.launcher.TestExecutionListener;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Descendants;
import org.socklab.grader.harness.ServerExtension;

/**
 * The main class of a grading JVM ({@link GradingJvm}): grades the exercises whose keys it reads on
 * its standard input, one line each, one after another ({@link Grading#run}), and writes each one's
 * score on its standard output as {@link ScoreLines}, and nothing else there (anything else this
 * JVM prints goes to its standard error). Before it writes an exercise's score, every process it
 * started for that exercise has ended, so the next exercise meets no student process of the one
 * before in the sandbox's network. It ends at the end of its input.
 *
 * <p>Arguments: JUnit configuration parameters as {@code key=value}, with {@value #SELECTION} and
 * {@value #OUTPUT} taken out. The score holds messages, not text: the command renders them in its
 * language.
 */
public final class GradingHost {
    /** The argument that names the {@link TestSelection}; taken out of the JUnit parameters. */
    static final String SELECTION = "socklab.selection";

    /** The argument that names the folder of the servers' output, one file per exercise. */
    static final String OUTPUT = "socklab.output";

    /** How long the processes of an exercise have to end once killed: the kernel's work, not theirs. */
    private static final Duration ENDING = Duration.ofSeconds(10);

    private GradingHost() {}

    public static void main(String[] args) throws IOException {
        PrintStream score = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        Map<String, String> configuration = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            configuration.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        TestSelection selection =
                TestSelection.valueOf(configuration.getOrDefault(SELECTION, TestSelection.VISIBLE.name()));
        configuration.remove(SELECTION);
        String output = configuration.remove(OUTPUT);
        BufferedReader keys = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String key;
        while ((key = keys.readLine()) != null) {
            String named = key.strip();
            Exercise exercise =
                    Exercise.byKey(named).orElseThrow(() -> new IllegalArgumentException("no exercise " + named));
            Map<String, String> parameters = new HashMap<>(configuration);
            if (output != null) {
                parameters.put(ServerExtension.CHILD_OUTPUT, output + "/output-" + exercise.key() + ".log");
            }
            ScoreReport report =
                    Grading.run(EnumSet.of(exercise), selection, parameters, new TestExecutionListener() {});
            Descendants.end(ENDING);
            score.print(ScoreLines.write(report));
            score.flush();
        }
        // the harness's daemon threads end here
        Runtime.getRuntime().halt(0);
    }
}
