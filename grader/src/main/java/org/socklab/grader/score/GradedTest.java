package org.socklab.grader.score;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Hidden;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.MessageBundle;

/**
 * A graded test found in a test plan: a test method with {@link Points} in a class graded for an
 * {@link Exercise}.
 *
 * @param uniqueId JUnit's id of the test
 * @param exercise the exercise it grades
 * @param method the method's name, which keys its name and hint in the exercise's messages
 * @param displayName JUnit's display name, the fallback for a missing translation
 * @param points what it is worth
 * @param hidden whether its class is {@link Hidden}
 */
record GradedTest(String uniqueId, Exercise exercise, String method, String displayName, int points, boolean hidden) {

    /** Where its name and hint are: the exercise's bundle, or the hidden package's own. */
    MessageBundle messages() {
        return hidden
                ? MessageBundle.named(exercise.hiddenTestPackage().replace('.', '/') + "/messages")
                : exercise.messages();
    }

    /** The graded test behind a test identifier, if it is one. */
    static Optional<GradedTest> of(TestIdentifier identifier) {
        if (!identifier.isTest()
                || identifier.getSource().isEmpty()
                || !(identifier.getSource().get() instanceof MethodSource source)) {
            return Optional.empty();
        }
        Class<?> testClass;
        Method method;
        try {
            testClass = source.getJavaClass();
            method = source.getJavaMethod();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
        Optional<GradedExercise> exercise = AnnotationSupport.findAnnotation(testClass, GradedExercise.class);
        Optional<Points> points = AnnotationSupport.findAnnotation(method, Points.class);
        if (exercise.isEmpty() || points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GradedTest(
                identifier.getUniqueId(),
                exercise.get().value(),
                method.getName(),
                identifier.getDisplayName(),
                points.get().value(),
                AnnotationSupport.isAnnotated(testClass, Hidden.class)));
    }
}
