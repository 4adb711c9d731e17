package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;

/** The score table and score.json, read back the way a person and a program would read them. */
class ReportsTest {

    private static final ScoreReport REPORT = ScoreReport.of(List.of(ExerciseScore.of(
            Exercise.ECHOCAPS,
            List.of(
                    new TestScore(
                            "repliesToOneLine", CoreFeedback.text("replies to a line"), 1, 1, Status.PASSED, List.of()),
                    new TestScore(
                            "dropsCr",
                            CoreFeedback.text("drops the \\r"),
                            0,
                            2,
                            Status.FAILED,
                            List.of(CoreFeedback.text("wrong reply\nexpected: \"A\"\nreceived: \"a\"")))))));

    @Test
    void should_render_the_table_with_each_test_and_its_feedback_under_it() {
        assertThat(ScoreTable.render(REPORT, Language.ENGLISH)).isEqualTo("""
                ------------------------------------------------------------------------------
                socklab: score
                ------------------------------------------------------------------------------
                1. echocaps                                                                1/3
                   ok       1/1  replies to a line
                   FAIL     0/2  drops the \\r
                          wrong reply
                          expected: "A"
                          received: "a"
                ------------------------------------------------------------------------------
                Total                                                                      1/3
                ------------------------------------------------------------------------------
                """);
    }

    @Test
    void should_say_once_why_an_exercise_lost_everything_for_one_reason() {
        ScoreReport stub = ScoreReport.of(List.of(ExerciseScore.of(
                Exercise.ECHOCAPS,
                List.of(
                        new TestScore(
                                "a",
                                CoreFeedback.text("first"),
                                0,
                                1,
                                Status.FAILED,
                                List.of(CoreFeedback.text("not implemented yet"))),
                        new TestScore(
                                "b",
                                CoreFeedback.text("second"),
                                0,
                                1,
                                Status.FAILED,
                                List.of(CoreFeedback.text("not implemented yet")))))));

        assertThat(ScoreTable.render(stub, Language.ENGLISH))
                .containsOnlyOnce("not implemented yet")
                .doesNotContain("first");
    }

    @Test
    void should_label_the_table_in_portuguese() {
        assertThat(ScoreTable.render(REPORT, Language.PORTUGUESE)).contains("socklab: nota", "FALHOU", "Total");
    }

    @Test
    void should_write_score_json_that_a_json_parser_reads_back() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ScoreJson.write(REPORT, Language.ENGLISH));

        assertThat(json.get("format").asText()).isEqualTo("socklab-score/1");
        assertThat(json.get("total").asInt()).isEqualTo(1);
        assertThat(json.get("max").asInt()).isEqualTo(3);
        JsonNode exercise = json.get("exercises").get(0);
        assertThat(exercise.get("exercise").asText()).isEqualTo("echocaps");
        assertThat(exercise.get("points").asInt()).isEqualTo(1);
        JsonNode failed = exercise.get("tests").get(1);
        assertThat(failed.get("id").asText()).isEqualTo("dropsCr");
        assertThat(failed.get("passed").asBoolean()).isFalse();
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("feedback").asText()).isEqualTo("wrong reply\nexpected: \"A\"\nreceived: \"a\"");
    }

    @Test
    void should_escape_control_characters_in_json_strings() throws Exception {
        String quoted = ScoreJson.quote("tab\there \u0001 \"q\" back\\slash ação");

        assertThat(new ObjectMapper().readTree(quoted).asText()).isEqualTo("tab\there \u0001 \"q\" back\\slash ação");
    }

    @Test
    void should_print_the_table_and_write_score_json_at_the_end_of_a_run(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        run(
                new ScoreReportListener(Language.ENGLISH, new PrintStream(console, true, StandardCharsets.UTF_8)),
                dir,
                GradedSample.Outcomes.class);

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("1. echocaps", "Total", "3/6", "Score written to " + dir.resolve("score.json"));
        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("score.json")));
        assertThat(json.get("total").asInt()).isEqualTo(3);
    }

    @Test
    void should_name_where_the_servers_output_went_under_the_table_when_the_build_says(@TempDir Path dir) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(GradedSample.Outcomes.class))
                                .configurationParameter(ScoreReportListener.REPORT_DIR, dir.toString())
                                .configurationParameter(
                                        ScoreReportListener.OUTPUT_DIR, "target/surefire-reports/*-output.txt")
                                .build(),
                        new ScoreReportListener(
                                Language.ENGLISH, new PrintStream(console, true, StandardCharsets.UTF_8)));

        assertThat(console.toString(StandardCharsets.UTF_8).strip())
                .endsWith("What your servers printed: target/surefire-reports/*-output.txt");
    }

    @Test
    void should_say_loudly_that_nothing_was_graded_and_write_nothing(@TempDir Path dir) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        run(
                new ScoreReportListener(Language.ENGLISH, new PrintStream(console, true, StandardCharsets.UTF_8)),
                dir,
                GradedSample.NotGraded.class);

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("NO GRADED TEST WAS FOUND");
        assertThat(dir.resolve("score.json")).doesNotExist();
    }

    @Test
    void should_leave_the_table_and_why_the_build_fails_to_the_build_when_it_prints_them(@TempDir Path dir)
            throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(GradedSample.Outcomes.class))
                                .configurationParameter(ScoreReportListener.REPORT_DIR, dir.toString())
                                .configurationParameter(ScoreReportListener.PRINTED_BY_BUILD, "true")
                                .build(),
                        new ScoreReportListener(
                                Language.ENGLISH, new PrintStream(console, true, StandardCharsets.UTF_8)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        assertThat(console.size()).as("nothing printed in the test JVM").isZero();
        assertThatThrownBy(() -> ScorePrinter.print(dir, false, new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .isInstanceOf(ScorePrinter.LostPoints.class)
                .hasMessage("socklab: 3/6 points: the score table above says what to look at");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("1. echocaps", "Total", "3/6")
                .endsWith("Score written to " + dir.resolve("score.json") + "\n");
    }

    @Test
    void should_print_the_table_without_failing_when_failures_are_ignored_and_nothing_when_no_test_ran(
            @TempDir Path dir) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        ScorePrinter.print(dir, false, out);
        assertThat(printed.size()).isZero();

        Files.writeString(dir.resolve(ScoreReportListener.TABLE), "the table\n");
        Files.writeString(dir.resolve(ScoreReportListener.FAILURE), "socklab: 3/6 points\n");
        ScorePrinter.print(dir, true, out);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo("the table\n");
    }

    @Test
    void should_fail_the_build_at_full_marks_when_a_test_that_is_not_graded_failed(@TempDir Path dir) {
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(GradedSample.NotGradedFailing.class))
                                .configurationParameter(ScoreReportListener.REPORT_DIR, dir.toString())
                                .configurationParameter(ScoreReportListener.PRINTED_BY_BUILD, "true")
                                .build(),
                        new ScoreReportListener(Language.ENGLISH, new PrintStream(new ByteArrayOutputStream())));

        assertThat(dir.resolve(ScoreReportListener.TABLE)).content().contains("NO GRADED TEST WAS FOUND");
        assertThat(dir.resolve(ScoreReportListener.FAILURE))
                .content()
                .isEqualTo("socklab: 1 of your own tests failed: they are listed above the score table\n");
    }

    private static void run(ScoreReportListener listener, Path dir, Class<?> testClass) {
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(testClass))
                                .configurationParameter(ScoreReportListener.REPORT_DIR, dir.toString())
                                .build(),
                        listener);
    }
}
