package org.socklab.grader.policy;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.ServerExtension;

/**
 * Checks the code of a graded exercise against the {@linkplain StudentCodePolicy policy} before
 * each of its tests, so that code that breaks it never runs: every test of that exercise fails
 * with one message naming the first violations, and the other exercises are graded as usual.
 *
 * <p>The classes checked are those the tests will run: the folders or jars of the configuration
 * parameter {@value ServerExtension#CLASSES} (a fixture, a submission compiled by the
 * {@code socklab} command), else the test class path (a student's {@code mvn test}). They are
 * checked once per exercise and run, before the exercise's first test (before any child JVM of
 * it starts); the verdict is kept in the run's root store.
 *
 * <p>Stateless: the verdicts live in JUnit's store.
 */
public final class PolicyExtension implements BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PolicyExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Exercise exercise = AnnotationSupport.findAnnotation(testClass, GradedExercise.class)
                .map(GradedExercise::value)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated with @GradedExercise"));
        Checked checked = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(exercise, key -> check(context, exercise, testClass), Checked.class);
        if (!checked.violations().isEmpty()) {
            throw new GradedFailure(PolicyFeedback.broken(checked.violations()));
        }
    }

    private static Checked check(ExtensionContext context, Exercise exercise, Class<?> testClass) {
        ExerciseClasses classes = context.getConfigurationParameter(ServerExtension.CLASSES)
                .filter(value -> !value.isBlank())
                .map(value -> ExerciseClasses.in(paths(value)))
                .orElseGet(() ->
                        ExerciseClasses.seenBy(exercise, Thread.currentThread().getContextClassLoader(), testClass));
        return new Checked(PolicyCheck.check(exercise, classes));
    }

    private static List<Path> paths(String classPath) {
        List<Path> paths = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            paths.add(Path.of(entry));
        }
        return paths;
    }

    /** The verdict on one exercise's classes in this run. */
    private record Checked(List<Violation> violations) {}
}
