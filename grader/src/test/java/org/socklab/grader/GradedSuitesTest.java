package org.socklab.grader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The graded tests as a student sees them: each exercise's tests are worth its points, every one
 * has a name and a hint in both languages, and the English name is its display name.
 */
class GradedSuitesTest {

    private static List<Method> gradedMethods() {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("org.socklab.grader"))
                        .filters(ClassNameFilter.includeClassNamePatterns(".*Tests"))
                        .build());
        List<Method> methods = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()
                        && test.getSource().orElse(null) instanceof MethodSource source
                        && source.getJavaMethod().isAnnotationPresent(Points.class)) {
                    methods.add(source.getJavaMethod());
                }
            }
        }
        return methods;
    }

    private static Exercise exerciseOf(Method method) {
        return method.getDeclaringClass().getAnnotation(GradedExercise.class).value();
    }

    @Test
    void should_find_graded_tests() {
        assertThat(gradedMethods()).isNotEmpty();
    }

    @Test
    void should_make_each_exercises_tests_worth_its_points() {
        Map<Exercise, Integer> sums = new EnumMap<>(Exercise.class);
        for (Method method : gradedMethods()) {
            sums.merge(exerciseOf(method), method.getAnnotation(Points.class).value(), Integer::sum);
        }
        sums.forEach(
                (exercise, sum) -> assertThat(sum).as("points of %s", exercise).isEqualTo(exercise.maxPoints()));
    }

    @Test
    void should_give_every_graded_test_a_name_and_a_hint_in_both_languages() {
        for (Method method : gradedMethods()) {
            MessageBundle messages = exerciseOf(method).messages();
            for (Language language : Language.values()) {
                assertThat(messages.has(method.getName() + ".name", language))
                        .as("%s.name in %s", method, language)
                        .isTrue();
                assertThat(messages.has(method.getName() + ".hint", language))
                        .as("%s.hint in %s", method, language)
                        .isTrue();
            }
        }
    }

    @Test
    void should_name_every_graded_test_in_english_as_its_display_name() {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("org.socklab.grader"))
                        .filters(ClassNameFilter.includeClassNamePatterns(".*Tests"))
                        .build());
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier test : plan.getDescendants(root)) {
                if (test.isTest()
                        && test.getSource().orElse(null) instanceof MethodSource source
                        && source.getJavaMethod().isAnnotationPresent(Points.class)) {
                    Method method = source.getJavaMethod();
                    assertThat(test.getDisplayName())
                            .as("display name of %s", method)
                            .isEqualTo(exerciseOf(method)
                                    .messages()
                                    .format(method.getName() + ".name", Language.ENGLISH, List.of()));
                }
            }
        }
    }

    @Test
    void should_keep_graded_methods_public_so_the_template_inherits_them() {
        for (Method method : gradedMethods()) {
            assertThat(Modifier.isPublic(method.getModifiers()))
                    .as("%s is public", method)
                    .isTrue();
            assertThat(Modifier.isPublic(method.getDeclaringClass().getModifiers()))
                    .as("%s is public", method.getDeclaringClass())
                    .isTrue();
        }
    }

    @Test
    void should_make_the_whole_suite_worth_one_hundred_points() {
        assertThat(Exercise.totalPoints()).isEqualTo(100);
    }
}
