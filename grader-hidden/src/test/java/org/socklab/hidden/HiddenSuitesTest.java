package org.socklab.hidden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Hidden;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The hidden tests as the teacher's grading finds them: each in its exercise's hidden package,
 * marked hidden, named and hinted in both languages by its own bundle, never by the students' one.
 */
class HiddenSuitesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private static List<Method> hiddenMethods() {
        TestPlan plan = LauncherFactory.create()
                .discover(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectPackage("org.socklab.hidden"))
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

    private static MessageBundle messagesOf(Method method) {
        return MessageBundle.named(exerciseOf(method).hiddenTestPackage().replace('.', '/') + "/messages");
    }

    @Test
    void should_find_hidden_tests() {
        assertThat(hiddenMethods()).isNotEmpty();
    }

    @Test
    void should_keep_each_hidden_class_hidden_and_in_its_exercises_hidden_package() {
        for (Method method : hiddenMethods()) {
            Class<?> type = method.getDeclaringClass();
            assertThat(type.isAnnotationPresent(Hidden.class))
                    .as("%s is @Hidden", type)
                    .isTrue();
            assertThat(type.getPackageName()).isEqualTo(exerciseOf(method).hiddenTestPackage());
        }
    }

    @Test
    void should_name_and_hint_every_hidden_test_in_both_languages_from_its_own_bundle() {
        for (Method method : hiddenMethods()) {
            MessageBundle messages = messagesOf(method);
            for (Language language : Language.values()) {
                assertThat(messages.has(method.getName() + ".name", language))
                        .as("%s.name in %s", method, language)
                        .isTrue();
                assertThat(messages.has(method.getName() + ".hint", language))
                        .as("%s.hint in %s", method, language)
                        .isTrue();
            }
            assertThat(messages.format(method.getName() + ".name", Language.ENGLISH, List.of()))
                    .isEqualTo(method.getAnnotation(DisplayName.class).value());
            assertThat(exerciseOf(method).messages().has(method.getName() + ".name", Language.ENGLISH))
                    .as("%s is not named in the bundle students get", method)
                    .isFalse();
        }
    }

    @Test
    void should_have_the_same_keys_and_placeholders_in_both_languages() {
        for (Method method : hiddenMethods()) {
            MessageBundle messages = messagesOf(method);
            assertThat(messages.keys(Language.PORTUGUESE)).isEqualTo(messages.keys(Language.ENGLISH));
            for (String key : messages.keys(Language.ENGLISH)) {
                assertThat(placeholders(messages.pattern(key, Language.PORTUGUESE)))
                        .as(key)
                        .isEqualTo(placeholders(messages.pattern(key, Language.ENGLISH)));
            }
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
