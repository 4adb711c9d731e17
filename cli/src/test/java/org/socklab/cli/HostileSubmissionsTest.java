package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hostile fixtures ({@code fixtures/hostile}), each laid over the reference and graded by the
 * command: each costs only the exercise it is in, says why, and grading ends within the bound.
 * That no process of the submission outlives grading is the sandbox's to pin, on Linux.
 */
class HostileSubmissionsTest {
    /**
     * A backstop on grading a hostile exercise and its neighbour: an attack that made the command
     * wait for good (a read with no end, a child that is never killed) runs into it, whatever the
     * machine's load. Not a speed figure: what each attack costs over a correct exercise is in the
     * README's table, and measured by the benchmarks (at worst here a {@code serve} that never
     * returns: 5 s, then half a second and a JVM start per later test; 22 s under two CPU hogs).
     */
    static final Duration HOSTILE_BOUND = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "exit                     | echocaps    | http     | calls java.lang.System.exit outside main",
                "endless-loop-after-close | echocaps    | http     | did not return within 5 s",
                "own-fixed-port           | echocaps    | http     | listens on port 40123",
                "five-thousand-threads    | echocaps    | http     | more than 1000 threads",
                "store-exits              | temperature | echocaps | calls java.lang.System.exit outside main",
                "kill-parent              | echocaps    | http     | calls java.lang.ProcessHandle.current",
                "attach-to-grader         | echocaps    | http     | calls com.sun.tools.attach.VirtualMachine.attach",
                "runtime-exec             | temperature | echocaps | calls java.lang.Runtime.exec"
            })
    void should_cost_only_its_own_exercise_and_end_within_the_bound(
            String fixture, String exercise, String neighbour, String reason) throws IOException {
        JsonNode score = gradeWithinTheBound(fixture, exercise, neighbour);
        for (JsonNode graded : score.get("exercises")) {
            if (graded.get("exercise").asText().equals(exercise)) {
                assertThat(graded.get("points").asInt())
                        .as(exercise)
                        .isLessThan(graded.get("max").asInt());
                assertThat(graded.toString()).contains(reason);
            } else {
                assertThat(graded.get("points").asInt())
                        .as(graded.get("exercise").asText())
                        .isEqualTo(graded.get("max").asInt());
            }
        }
    }

    /**
     * Attacks on the grader's channels and waits: each gets exactly the score of what it was laid
     * on (the reference's full marks, or the untouched stub's zero; a store that never returns to
     * the direct checks loses the exercise, as a class that never loads does), says why where it
     * lost points, and the neighbour keeps full marks.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "forged-control-lines       | echocaps    | http     | 10 | ''",
                "endless-stderr-line        | echocaps    | http     | 10 | ''",
                "endless-reply-line         | echocaps    | http     | 0  | a reply line of more than 1 MiB without end of line",
                "forged-verdicts            | temperature | echocaps | 0  | not implemented yet",
                "initializer-sleeps-forever | temperature | echocaps | 0  | the static initializer of lab.temperature.TemperatureStore did not end",
                "store-waits-forever        | temperature | echocaps | 0  | the check called TemperatureStore.record of your code, which neither returned nor ran at all for 5 s"
            })
    void should_give_an_attack_the_score_of_what_it_was_laid_on(
            String fixture, String exercise, String neighbour, int points, String reason) throws IOException {
        JsonNode score = gradeWithinTheBound(fixture, exercise, neighbour);
        for (JsonNode graded : score.get("exercises")) {
            if (graded.get("exercise").asText().equals(exercise)) {
                assertThat(graded.get("points").asInt()).as(graded.toString()).isEqualTo(points);
                assertThat(graded.toString()).contains(reason);
            } else {
                assertThat(graded.get("points").asInt())
                        .as(graded.get("exercise").asText())
                        .isEqualTo(graded.get("max").asInt());
            }
        }
    }

    private JsonNode gradeWithinTheBound(String fixture, String exercise, String neighbour) throws IOException {
        Path submission = Submissions.reference(temp.resolve(fixture), fixture);
        long start = System.nanoTime();

        // the hostile exercise and one neighbour, which must keep its points
        Submissions.Run run = Submissions.socklab(
                "grade", submission.toString(), "--lang", "en", "--exercises", exercise + "," + neighbour);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(took).isLessThan(HOSTILE_BOUND);
        JsonNode score =
                JSON.readTree(submission.resolve("target/socklab/score.json").toFile());
        assertThat(score.get("exercises")).hasSize(2);
        return score;
    }
}
