package org.socklab.grader.score;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.harness.Floor;

/**
 * Listens to a test run and scores its graded tests: every graded test discovered in the plan
 * counts, whether or not it was ever reported, so a failing setup costs points instead of hiding
 * tests. The score is built from what the tests observed in this process, and from nothing else.
 *
 * <p>Thread-safe: JUnit may report from several threads.
 */
public class ScoreCollector implements TestExecutionListener {
    /** A stub that still throws needs no hint on what each test checks. */
    private static final String NOT_IMPLEMENTED =
            CoreFeedback.notImplemented("").key();

    private final Map<String, GradedTest> discovered = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Floor> floors = new ConcurrentHashMap<>();

    public ScoreCollector() {}

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier identifier : plan.getDescendants(root)) {
                GradedTest.of(identifier).ifPresent(test -> discovered.put(test.uniqueId(), test));
            }
        }
    }

    /** A graded test's {@link Floor}, which {@code ServerExtension} publishes as it ends. */
    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        String floor = entry.getKeyValuePairs().get(Floor.ENTRY);
        if (floor != null) {
            Floor.decode(floor).ifPresent(counted -> floors.merge(identifier.getUniqueId(), counted, Floor::plus));
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
            case ABORTED ->
                thrown.filter(t -> t instanceof org.socklab.grader.feedback.NotApplicable)
                        .map(t -> new Outcome(Status.NOT_CHECKED, Observations.of(t)))
                        .orElseGet(() -> new Outcome(
                                Status.FAILED, thrown.map(Observations::of).orElse(CoreFeedback.notRun())));
            case FAILED ->
                new Outcome(Status.FAILED, thrown.map(Observations::of).orElse(CoreFeedback.notRun()));
        };
        outcomes.put(identifier.getUniqueId(), outcome);
    }

    /** Whether the plan had any graded test at all. */
    public synchronized boolean foundGradedTests() {
        return !discovered.isEmpty();
    }

    /** The score of everything discovered so far; tests never reported score zero. */
    public synchronized ScoreReport report() {
        Map<Exercise, List<GradedTest>> byExercise = new EnumMap<>(Exercise.class);
        for (GradedTest test : discovered.values()) {
            byExercise
                    .computeIfAbsent(test.exercise(), key -> new ArrayList<>())
                    .add(test);
        }
        List<ExerciseScore> exercises = new ArrayList<>();
        byExercise.forEach((exercise, tests) -> exercises.add(ExerciseScore.of(
                exercise,
                score(tests),
                tests.stream()
                        .map(test -> floors.getOrDefault(test.uniqueId(), Floor.NONE))
                        .reduce(Floor.NONE, Floor::plus))));
        return ScoreReport.of(exercises);
    }

    /**
     * The tests of one exercise, in order. A hint is chosen by what was observed: an observation
     * with a hint of its own ({@code <key>.hint} in its bundle: one cause among several that the
     * test told apart) gets that one, any other gets the test's hint.
     *
     * <p>A gate's cause is told once, at the first test it
     * affects, with no hint of that test (the cause's message says what to look at) and with how
     * many tests it held back; the later tests it blocks say what they need, and nothing more.
     */
    private List<TestScore> score(List<GradedTest> tests) {
        List<TestScore> scores = new ArrayList<>();
        Map<String, Integer> firstOfGate = new HashMap<>();
        Map<Integer, Integer> heldBack = new HashMap<>();
        for (GradedTest test : tests) {
            Outcome outcome =
                    outcomes.getOrDefault(test.uniqueId(), new Outcome(Status.NOT_RUN, CoreFeedback.notRun()));
            Optional<Gate> gate = outcome.status().earnsPoints() ? Optional.empty() : Gate.of(outcome.observation());
            if (gate.isPresent() && firstOfGate.containsKey(gate.get().id())) {
                heldBack.merge(firstOfGate.get(gate.get().id()), 1, Integer::sum);
                scores.add(score(
                        test,
                        Status.BLOCKED,
                        List.of(CoreFeedback.blocked(gate.get().needs()))));
                continue;
            }
            gate.ifPresent(cause -> firstOfGate.put(cause.id(), scores.size()));
            scores.add(score(test, outcome.status(), feedback(test, outcome, gate.isPresent())));
        }
        heldBack.forEach((index, count) -> {
            TestScore first = scores.get(index);
            List<Feedback> lines = new ArrayList<>(first.feedback());
            lines.add(CoreFeedback.heldBack(count));
            scores.set(
                    index,
                    new TestScore(
                            first.id(),
                            first.name(),
                            first.points(),
                            first.max(),
                            first.status(),
                            lines,
                            first.hidden()));
        });
        return scores;
    }

    private static TestScore score(GradedTest test, Status status, List<Feedback> feedback) {
        int points = status.earnsPoints() ? test.points() : 0;
        return new TestScore(test.method(), name(test), points, test.points(), status, feedback, test.hidden());
    }

    private static Feedback name(GradedTest test) {
        MessageBundle messages = test.messages();
        String nameKey = test.method() + ".name";
        return messages.has(nameKey, Language.ENGLISH)
                ? Feedback.of(messages, nameKey)
                : CoreFeedback.text(test.displayName());
    }

    private static List<Feedback> feedback(GradedTest test, Outcome outcome, boolean gate) {
        if (outcome.status() == Status.PASSED) {
            return List.of();
        }
        Feedback observed = outcome.observation();
        if (outcome.status() == Status.NOT_CHECKED || gate || NOT_IMPLEMENTED.equals(observed.key())) {
            return List.of(observed);
        }
        String ownHint = observed.key() + ".hint";
        if (observed.bundle().has(ownHint, Language.ENGLISH)) {
            return List.of(observed, Feedback.of(observed.bundle(), ownHint));
        }
        MessageBundle messages = test.messages();
        String hintKey = test.method() + ".hint";
        if (!messages.has(hintKey, Language.ENGLISH)) {
            return List.of(observed);
        }
        return List.of(observed, Feedback.of(messages, hintKey));
    }

    private record Outcome(Status status, Feedback observation) {}
}
