package org.socklab.grader.score;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;

/**
 * Runs the graded tests of some exercises through the JUnit Platform launcher and returns their
 * score: the way the grader's own tools and the fixtures' tests grade, with the same tests a
 * student runs with {@code mvn test}.
 *
 * <p>The configuration parameters given choose what is graded (see
 * {@link org.socklab.grader.harness.ServerExtension}), and they are the only ones: system
 * properties and a {@code junit-platform.properties} of the caller are ignored, so a caller that
 * runs its own tests in parallel still gets graded tests run one after another. Stateless and thread-safe: each call has a
 * launcher of its own.
 */
public final class Grading {
    private Grading() {}

    /**
     * Grades the exercises: the classes named {@code *Tests} in each exercise's test package.
     *
     * @throws IllegalStateException if the run discovered no graded test at all
     */
    public static ScoreReport run(Set<Exercise> exercises, Map<String, String> configuration) {
        return run(exercises, TestSelection.VISIBLE, configuration, new TestExecutionListener() {});
    }

    /**
     * Grades the exercises as {@link #run(Set, Map)} does, telling {@code progress} what starts and
     * ends as it goes (to show progress; it cannot change the score).
     */
    public static ScoreReport run(
            Set<Exercise> exercises, Map<String, String> configuration, TestExecutionListener progress) {
        return run(exercises, TestSelection.VISIBLE, configuration, progress);
    }

    /** Grades the exercises with the tests selected: the hidden ones are looked for in their own packages. */
    public static ScoreReport run(Set<Exercise> exercises, TestSelection selection, Map<String, String> configuration) {
        return run(exercises, selection, configuration, new TestExecutionListener() {});
    }

    /** {@link #run(Set, TestSelection, Map)}, telling {@code progress} what starts and ends as it goes. */
    public static ScoreReport run(
            Set<Exercise> exercises,
            TestSelection selection,
            Map<String, String> configuration,
            TestExecutionListener progress) {
        ScoreCollector collector = new ScoreCollector();
        launcher().execute(discovery(exercises, selection, configuration), collector, progress);
        return reportOf(collector);
    }

    /** Grades whatever graded tests the selectors find. */
    static ScoreReport run(List<? extends DiscoverySelector> selectors, Map<String, String> configuration) {
        return execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration)
                .build());
    }

    /**
     * The score of the exercises when none of their tests could run (a submission that does not
     * compile): every graded test is listed, worth its points, scored zero, with status
     * {@link Status#NOT_RUN}.
     *
     * @throws IllegalStateException if there is no graded test at all
     */
    public static ScoreReport notRun(Set<Exercise> exercises) {
        return notRun(exercises, TestSelection.VISIBLE);
    }

    /**
     * {@link #notRun(Set)} for the tests selected. Also on a thread that was interrupted (a grading
     * cancelled at its timeout still gets its row of zeros): JUnit reads the grader's jar through
     * channels that an interrupt closes, so the interrupt is set aside while the tests are listed,
     * and kept.
     */
    public static ScoreReport notRun(Set<Exercise> exercises, TestSelection selection) {
        boolean interrupted = Thread.interrupted();
        try {
            ScoreCollector collector = new ScoreCollector();
            collector.testPlanExecutionStarted(launcher().discover(discovery(exercises, selection, Map.of())));
            return reportOf(collector);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The score of the exercises when their grading gave no score at all (its JVM could not start,
     * or ended without one): every graded test at zero, {@link Status#NOT_RUN}, saying why.
     */
    public static ScoreReport failed(Set<Exercise> exercises, Feedback why) {
        return failed(exercises, TestSelection.VISIBLE, why);
    }

    /** {@link #failed(Set, Feedback)} for the tests selected. */
    public static ScoreReport failed(Set<Exercise> exercises, TestSelection selection, Feedback why) {
        List<ExerciseScore> scores = notRun(exercises, selection).exercises().stream()
                .map(exercise -> ExerciseScore.of(
                        exercise.exercise(),
                        exercise.tests().stream()
                                .map(test -> new TestScore(
                                        test.id(),
                                        test.name(),
                                        0,
                                        test.max(),
                                        Status.NOT_RUN,
                                        List.of(why),
                                        test.hidden()))
                                .toList()))
                .toList();
        return ScoreReport.of(scores);
    }

    private static ScoreReport execute(LauncherDiscoveryRequest discovery) {
        ScoreCollector collector = new ScoreCollector();
        launcher().execute(discovery, collector);
        return reportOf(collector);
    }

    private static ScoreReport reportOf(ScoreCollector collector) {
        if (!collector.foundGradedTests()) {
            throw new IllegalStateException("no graded test was found: nothing was graded");
        }
        return collector.report();
    }

    private static LauncherDiscoveryRequest discovery(
            Set<Exercise> exercises, TestSelection selection, Map<String, String> configuration) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(ClassNameFilter.includeClassNamePatterns(".*Tests"))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(configuration);
        for (Exercise exercise : exercises) {
            request.selectors(selectPackage(exercise.testPackage()));
            if (selection.includesHidden()) {
                request.selectors(selectPackage(exercise.hiddenTestPackage()));
            }
        }
        return request.build();
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
    }
}
