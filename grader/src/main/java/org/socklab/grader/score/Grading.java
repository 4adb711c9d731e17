package org.socklab.grader.score;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;

/**
 * Runs the graded tests of some exercises through the JUnit Platform launcher and returns their
 * score: the way the grader's own tools and the fixtures' tests grade, with the same tests a
 * student runs with {@code mvn test}.
 *
 * <p>The configuration parameters choose what is graded (see
 * {@link org.socklab.grader.harness.ServerExtension}). Stateless and thread-safe: each call has a
 * launcher of its own.
 */
public final class Grading {
    private Grading() {
    }

    /**
     * Grades the exercises: the classes named {@code *Tests} in each exercise's test package.
     *
     * @throws IllegalStateException if the run discovered no graded test at all
     */
    public static ScoreReport run(Set<Exercise> exercises, Map<String, String> configuration, Language language) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(ClassNameFilter.includeClassNamePatterns(".*Tests"))
                .configurationParameters(configuration);
        for (Exercise exercise : exercises) {
            request.selectors(selectPackage(exercise.testPackage()));
        }
        return execute(request.build(), language);
    }

    /** Grades whatever graded tests the selectors find. */
    static ScoreReport run(List<? extends DiscoverySelector> selectors, Map<String, String> configuration,
            Language language) {
        return execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .configurationParameters(configuration)
                .build(), language);
    }

    private static ScoreReport execute(LauncherDiscoveryRequest discovery, Language language) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
        ScoreCollector collector = new ScoreCollector(language);
        launcher.execute(discovery, collector);
        if (!collector.foundGradedTests()) {
            throw new IllegalStateException("no graded test was found: nothing was graded");
        }
        return collector.report();
    }
}
