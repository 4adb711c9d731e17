package org.socklab.grader;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.platform.commons.support.AnnotationSupport;
import org.socklab.grader.feedback.Language;

/**
 * The display name of a graded test is its {@code <method>.name} in its exercise's bundle, in
 * English (what JUnit and Surefire print; the score table renders the same key in the student's
 * language), so a name is written once, in the bundles. A test with no such key keeps JUnit's
 * standard name. Stateless.
 */
public class GradedDisplayNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForMethod(
            List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        String key = testMethod.getName() + ".name";
        return AnnotationSupport.findAnnotation(testClass, GradedExercise.class)
                .map(graded -> graded.value().messages())
                .filter(messages -> messages.has(key, Language.ENGLISH))
                .map(messages -> messages.format(key, Language.ENGLISH, List.of()))
                .orElseGet(() -> super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod));
    }
}
