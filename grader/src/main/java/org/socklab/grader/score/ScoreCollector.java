package org.socklab.grader.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;

/**
 * Listens to a test run and scores its graded tests: every graded test discovered in the plan
 * counts, whether or not it was ever reported, so a failing setup costs points instead of hiding
 * tests. The score is built from what the tests observed in this process, and from nothing else.
 *
 * <p>Thread-safe: JUnit may report from several threads.
 */
public class ScoreCollector implements TestExecutionListener {
    /** A stub that still throws needs no hint on what each test checks. */
    private static final String NOT_IMPLEMENTED = CoreFeedback.notImplemented("").key();

    private final Map<String, GradedTest> discovered = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Language language;

    public ScoreCollector(Language language) {
        this.language = language;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                GradedTest.of(identifier).ifPresent(test -> discovered.put(test.uniqueId(), test));
            }
        }
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        outcomes.put(identifier.getUniqueId(), new Outcome(Status.FAILED, CoreFeedback.skipped(reason)));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) {
            return;
        }
        Optional<Throwable> thrown = result.getThrowable();
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> new Outcome(Status.PASSED, null);
            case ABORTED -> thrown.filter(t -> t instanceof org.socklab.grader.feedback.NotApplicable)
                    .map(t -> new Outcome(Status.NOT_CHECKED, Observations.of(t)))
                    .orElseGet(() -> new Outcome(Status.FAILED, thrown.map(Observations::of).orElse(CoreFeedback.notRun())));
            case FAILED -> new Outcome(Status.FAILED, thrown.map(Observations::of).orElse(CoreFeedback.notRun()));
        };
        outcomes.put(identifier.getUniqueId(), outcome);
    }

    /** Whether the plan had any graded test at all. */
    public synchronized boolean foundGradedTests() {
        return !discovered.isEmpty();
    }

    /** The score of everything discovered so far; tests never reported score zero. */
    public synchronized ScoreReport report() {
        Map<Exercise, List<TestScore>> byExercise = new EnumMap<>(Exercise.class);
        for (GradedTest test : discovered.values()) {
            Outcome outcome = outcomes.getOrDefault(test.uniqueId(), new Outcome(Status.NOT_RUN, CoreFeedback.notRun()));
            byExercise.computeIfAbsent(test.exercise(), key -> new ArrayList<>()).add(score(test, outcome));
        }
        List<ExerciseScore> exercises = new ArrayList<>();
        byExercise.forEach((exercise, tests) -> exercises.add(ExerciseScore.of(exercise, tests)));
        return ScoreReport.of(exercises);
    }

    private TestScore score(GradedTest test, Outcome outcome) {
        MessageBundle messages = test.messages();
        String nameKey = test.method() + ".name";
        String name = messages.has(nameKey, Language.ENGLISH) ? messages.format(nameKey, language, List.of()) : test.displayName();
        int points = outcome.status().earnsPoints() ? test.points() : 0;
        return new TestScore(test.method(), name, points, test.points(), outcome.status(), feedback(test, outcome, messages),
                test.hidden());
    }

    private String feedback(GradedTest test, Outcome outcome, MessageBundle messages) {
        if (outcome.status() == Status.PASSED) {
            return "";
        }
        String observed = outcome.observation().render(language);
        if (outcome.status() == Status.NOT_CHECKED) {
            return observed;
        }
        String hintKey = test.method() + ".hint";
        if (!messages.has(hintKey, Language.ENGLISH) || NOT_IMPLEMENTED.equals(outcome.observation().key())) {
            return observed;
        }
        return observed + "\n" + messages.format(hintKey, language, List.of());
    }

    private record Outcome(Status status, Feedback observation) {
    }
}
