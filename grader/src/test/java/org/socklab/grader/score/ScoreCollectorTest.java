package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;

class ScoreCollectorTest {

    private static ScoreReport grade(Class<?>... classes) {
        return Grading.run(
                java.util.Arrays.stream(classes).map(c -> selectClass(c)).toList(), Map.of());
    }

    @Test
    void should_give_a_passing_test_its_points_and_a_failing_one_none() {
        ExerciseScore score =
                grade(GradedSample.Outcomes.class).exercise(Exercise.ECHOCAPS).orElseThrow();

        assertThat(score.max()).isEqualTo(6);
        assertThat(score.points()).isEqualTo(3);
        assertThat(score.tests())
                .extracting(TestScore::id, TestScore::status, TestScore::points)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("passes", Status.PASSED, 2),
                        org.assertj.core.groups.Tuple.tuple("failsWithAnObservation", Status.FAILED, 0),
                        org.assertj.core.groups.Tuple.tuple("cannotJudgeHere", Status.NOT_CHECKED, 1));
    }

    @Test
    void should_keep_the_observation_as_feedback() {
        TestScore failed = test(grade(GradedSample.Outcomes.class), Exercise.ECHOCAPS, "failsWithAnObservation");

        assertThat(ScoreJson.feedback(failed, Language.ENGLISH))
                .isEqualTo("no reply within 10 s after sending \"hello\\n\"");
    }

    @Test
    void should_add_the_tests_hint_under_the_observation() {
        TestScore failed = test(grade(GradedSample.WithHint.class), Exercise.ECHOCAPS, "dropsTheCarriageReturnOfCrlf");

        assertThat(ScoreJson.feedback(failed, Language.ENGLISH)).isEqualTo("""
                wrong reply to "windows\\r\\n"
                expected: "WINDOWS"
                received: "WINDOWS\\r"
                telnet and Windows clients end lines with "\\r\\n": drop a '\\r' that stands right before the '\\n'.""");
        assertThat(failed.name().render(Language.ENGLISH)).isEqualTo("drops the \\r of a line that ends with \\r\\n");
    }

    @Test
    void should_tell_a_root_cause_once_and_say_what_the_tests_it_blocks_need() {
        List<TestScore> tests = grade(GradedSample.Gated.class)
                .exercise(Exercise.ECHOCAPS)
                .orElseThrow()
                .tests();
        List<TestScore> gated = tests.stream()
                .filter(test -> !test.id().equals("dropsTheCarriageReturnOfCrlf"))
                .toList();
        TestScore first = gated.get(0);
        TestScore blocked = gated.get(1);

        assertThat(first.status()).isEqualTo(Status.FAILED);
        assertThat(ScoreJson.feedback(first, Language.ENGLISH))
                .startsWith("serve did not return within 5 s")
                .endsWith("(because of this, 1 more test below was not checked)")
                .doesNotContain(Exercise.ECHOCAPS.messages().format(first.id() + ".hint", Language.ENGLISH, List.of()));
        assertThat(blocked.status()).isEqualTo(Status.BLOCKED);
        assertThat(blocked.points()).isZero();
        assertThat(ScoreJson.feedback(blocked, Language.ENGLISH))
                .isEqualTo("not checked: needs serve to return once the listener is closed");
        assertThat(ScoreJson.feedback(blocked, Language.PORTUGUESE))
                .isEqualTo("não verificado: precisa que serve retorne quando o listener é fechado");
        assertThat(ScoreJson.feedback(
                        test(grade(GradedSample.Gated.class), Exercise.ECHOCAPS, "dropsTheCarriageReturnOfCrlf"),
                        Language.ENGLISH))
                .contains("telnet and Windows clients");
    }

    @Test
    void should_give_graded_tests_the_display_names_of_their_bundle() {
        org.junit.platform.launcher.TestPlan plan = org.junit.platform.launcher.core.LauncherFactory.create()
                .discover(org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(GradedSample.Gated.class))
                        .build());
        List<String> names = plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .filter(org.junit.platform.launcher.TestIdentifier::isTest)
                .map(org.junit.platform.launcher.TestIdentifier::getDisplayName)
                .toList();

        assertThat(names).contains("replies to a line with the same line in upper case, accents included");
    }

    @Test
    void should_count_tests_that_never_ran_as_zero_rather_than_absent() {
        ExerciseScore score =
                grade(GradedSample.BrokenSetup.class).exercise(Exercise.HTTP).orElseThrow();

        assertThat(score.max()).isEqualTo(4);
        assertThat(score.points()).isZero();
        assertThat(score.tests()).singleElement().satisfies(test -> {
            assertThat(test.status()).isEqualTo(Status.NOT_RUN);
            assertThat(ScoreJson.feedback(test, Language.ENGLISH))
                    .isEqualTo("this test did not run: a setup step before it failed.");
        });
    }

    @Test
    void should_ignore_tests_without_points() {
        ScoreReport report = grade(GradedSample.Outcomes.class, GradedSample.NotGraded.class);

        assertThat(report.exercises())
                .singleElement()
                .extracting(ExerciseScore::exercise)
                .isEqualTo(Exercise.ECHOCAPS);
        assertThat(test(report, Exercise.ECHOCAPS, "passes")).isNotNull();
        assertThat(report.exercise(Exercise.ECHOCAPS).orElseThrow().tests())
                .extracting(TestScore::id)
                .doesNotContain("isNotGraded");
    }

    @Test
    void should_fail_loudly_when_no_graded_test_was_found() {
        assertThatThrownBy(() -> grade(GradedSample.NotGraded.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no graded test was found");
    }

    @Test
    void should_add_up_exercises_into_the_total() {
        ScoreReport report = grade(GradedSample.Outcomes.class, GradedSample.BrokenSetup.class);

        assertThat(report.exercises())
                .extracting(ExerciseScore::exercise)
                .containsExactly(Exercise.ECHOCAPS, Exercise.HTTP);
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.max()).isEqualTo(10);
    }

    @Test
    void should_speak_portuguese_when_asked() {
        ScoreReport report = Grading.run(List.of(selectClass(GradedSample.Outcomes.class)), Map.of());

        assertThat(ScoreJson.feedback(test(report, Exercise.ECHOCAPS, "failsWithAnObservation"), Language.PORTUGUESE))
                .isEqualTo("nenhuma resposta em 10 s depois de enviar \"hello\\n\"");
    }

    static TestScore test(ScoreReport report, Exercise exercise, String id) {
        return report.exercise(exercise).orElseThrow().tests().stream()
                .filter(test -> test.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
