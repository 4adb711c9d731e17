package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ScoreCollector;
import org.socklab.grader.score.ScoreJson;
import org.socklab.grader.score.TestScore;

/** Direct-call tests under child isolation: each runs in a child JVM, and only its verdict counts. */
class DirectCheckTest {
    private static Map<String, TestScore> scores;
    private static Map<String, TestScore> stuck;
    private static Map<String, TestScore> calls;

    @BeforeAll
    static void gradeTheSampleInChildren() {
        System.setProperty(
                "socklab.sample.parent", Long.toString(ProcessHandle.current().pid()));
        ScoreCollector collector = new ScoreCollector();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(
                                        selectClass(DirectCheckSample.class),
                                        selectClass(StuckInitializerSample.class),
                                        selectClass(StuckCallSample.class))
                                .configurationParameter(ServerExtension.ISOLATION, Isolation.CHILD_PROCESS.value())
                                .build(),
                        collector);
        scores = collector.report().exercise(Exercise.TEMPERATURE).orElseThrow().tests().stream()
                .collect(Collectors.toMap(TestScore::id, score -> score));
        stuck = collector.report().exercise(Exercise.QUEUE).orElseThrow().tests().stream()
                .collect(Collectors.toMap(TestScore::id, score -> score));
        calls = collector.report().exercise(Exercise.CHAT).orElseThrow().tests().stream()
                .collect(Collectors.toMap(TestScore::id, score -> score));
    }

    @Test
    void should_run_the_check_in_another_process() {
        assertThat(scores.get("runsInAnotherProcess").passed())
                .as(ScoreJson.feedback(scores.get("runsInAnotherProcess"), Language.ENGLISH))
                .isTrue();
    }

    @Test
    void should_pass_a_check_that_passed_in_its_child() {
        assertThat(scores.get("passes").passed())
                .as(ScoreJson.feedback(scores.get("passes"), Language.ENGLISH))
                .isTrue();
    }

    @Test
    void should_run_a_check_that_takes_its_servers_as_a_parameter() {
        assertThat(scores.get("usesServers").passed())
                .as(ScoreJson.feedback(scores.get("usesServers"), Language.ENGLISH))
                .isTrue();
    }

    @Test
    void should_bring_back_the_childs_observation() {
        assertThat(scores.get("fails").passed()).isFalse();
        assertThat(ScoreJson.feedback(scores.get("fails"), Language.ENGLISH))
                .isEqualTo("a torn reading: max 30 with min 25 of another");
    }

    @Test
    void should_cost_only_its_own_check_when_the_code_calls_system_exit() {
        assertThat(scores.get("exits").passed()).isFalse();
        assertThat(ScoreJson.feedback(scores.get("exits"), Language.ENGLISH))
                .startsWith(
                        "this check runs your code in a process of its own, which ended without a verdict (exit status 3)");
    }

    @Test
    void should_not_take_printed_text_for_a_verdict() {
        assertThat(scores.get("printsAFakeVerdict").passed()).isFalse();
        assertThat(ScoreJson.feedback(scores.get("printsAFakeVerdict"), Language.ENGLISH))
                .isEqualTo("really failed");
    }

    @Test
    void should_fail_every_check_of_an_exercise_whose_class_initializer_never_ends_with_that_reason() {
        String reason = "the static initializer of lab.sample.NeverReady did not end within 5 s";
        assertThat(stuck.get("firstTouch").passed()).isFalse();
        assertThat(ScoreJson.feedback(stuck.get("firstTouch"), Language.ENGLISH))
                .startsWith(reason);
        assertThat(stuck.get("secondTouch").passed()).isFalse();
        // the first failure is the gate: the second says what it needs, once, without paying the bound again
        assertThat(ScoreJson.feedback(stuck.get("secondTouch"), Language.ENGLISH))
                .isEqualTo("not checked: needs classes whose static initializers end");
    }

    @Test
    void should_keep_the_verdict_of_a_check_that_waits_for_a_stuck_call_within_a_bound_of_its_own() {
        assertThat(calls.get("waitsWithItsOwnBound").passed()).isFalse();
        assertThat(ScoreJson.feedback(calls.get("waitsWithItsOwnBound"), Language.ENGLISH))
                .isEqualTo("the call did not return within " + StuckCallSample.SLOW_MILLIS + " ms");
    }

    @Test
    void should_cut_short_a_check_whose_own_call_into_the_submission_waits_forever_and_name_it() {
        assertThat(calls.get("callsWhatNeverReturns").passed()).isFalse();
        assertThat(ScoreJson.feedback(calls.get("callsWhatNeverReturns"), Language.ENGLISH))
                .startsWith(
                        "the check called NeverReturns.call of your code, which neither returned nor ran at all for 5 s");
    }
}
