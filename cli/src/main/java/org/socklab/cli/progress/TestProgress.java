package org.socklab.cli.progress;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.socklab.grader.Exercise;

/**
 * The progress of one grading, from the tests as they end: the exercise being graded and how many
 * of its tests are done, on a {@link ProgressLine}. A plain line when an exercise starts and when
 * it ends; on a terminal, the live line after every test as well. It only watches: the score
 * comes from the grading's own collector.
 *
 * <p>Thread-safe: every callback is synchronized (JUnit calls them from the grading's threads).
 */
public final class TestProgress implements TestExecutionListener {
    private final ProgressLine line;
    private final Map<Exercise, Integer> totals = new EnumMap<>(Exercise.class);
    private final Map<Exercise, Integer> done = new EnumMap<>(Exercise.class);
    private Exercise current;
    private long exerciseStart;

    public TestProgress(ProgressLine line) {
        this.line = line;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(TestIdentifier::isTest)
                .forEach(test -> exerciseOf(test).ifPresent(exercise -> totals.merge(exercise, 1, Integer::sum)));
    }

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (!test.isTest()) {
            return;
        }
        exerciseOf(test).filter(exercise -> exercise != current).ifPresent(exercise -> {
            finishCurrent();
            current = exercise;
            exerciseStart = System.nanoTime();
            line.step("socklab: grading " + name(exercise) + " (" + totals.getOrDefault(exercise, 0) + " tests)");
        });
        line.update("  " + name(current) + ": " + done.getOrDefault(current, 0) + "/"
                + totals.getOrDefault(current, 0) + " tests done, " + seconds() + " - " + test.getDisplayName());
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            exerciseOf(test).ifPresent(exercise -> done.merge(exercise, 1, Integer::sum));
        }
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            exerciseOf(test).ifPresent(exercise -> done.merge(exercise, 1, Integer::sum));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        finishCurrent();
        current = null;
    }

    private void finishCurrent() {
        if (current != null) {
            line.step("socklab: " + name(current) + ": " + done.getOrDefault(current, 0) + "/"
                    + totals.getOrDefault(current, 0) + " tests done in " + seconds());
        }
    }

    private String seconds() {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - exerciseStart) / 1e9);
    }

    private static String name(Exercise exercise) {
        return exercise.number() + ". " + exercise.key();
    }

    /** The exercise whose test package holds the test's class. */
    static Optional<Exercise> exerciseOf(TestIdentifier test) {
        Optional<String> className = test.getSource().flatMap(TestProgress::className);
        return className.flatMap(name -> Stream.of(Exercise.values())
                .filter(exercise -> name.startsWith(exercise.testPackage() + "."))
                .findFirst());
    }

    private static Optional<String> className(TestSource source) {
        if (source instanceof MethodSource method) {
            return Optional.of(method.getClassName());
        }
        if (source instanceof ClassSource type) {
            return Optional.of(type.getClassName());
        }
        return Optional.empty();
    }
}
