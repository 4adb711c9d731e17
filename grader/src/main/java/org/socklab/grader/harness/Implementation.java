package org.socklab.grader.harness;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Collectors;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * Where the code under test comes from: a class loader that sees the {@code lab.*} classes of one
 * submission (the student's own classes on the test class path, a fixture compiled into a folder,
 * ...). The same graded tests run against any of them.
 *
 * <p>Immutable and thread-safe.
 */
public final class Implementation {
    private final ClassLoader loader;
    private final String description;

    Implementation(ClassLoader loader, String description) {
        this.loader = loader;
        this.description = description;
    }

    /** The classes the tests themselves were loaded with: a student's {@code mvn test}. */
    static Implementation onTestClassPath() {
        return new Implementation(Thread.currentThread().getContextClassLoader(), "the test class path");
    }

    /** The class with this name, or a failure that tells the student where it should be. */
    public Class<?> load(String className) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new GradedFailure(CoreFeedback.classMissing(className), e);
        }
    }

    /** The exercise's {@code public static void serve(ServerSocket, ...)}. */
    Method serveMethod(Exercise exercise) {
        Class<?> server = load(exercise.serverClassName());
        List<Class<?>> parameters = new java.util.ArrayList<>();
        parameters.add(java.net.ServerSocket.class);
        parameters.addAll(exercise.extraServeParameters());
        String signature = parameters.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
        try {
            Method serve = server.getMethod("serve", parameters.toArray(Class<?>[]::new));
            if (!Modifier.isStatic(serve.getModifiers())) {
                throw new GradedFailure(CoreFeedback.serveMissing(exercise.serverClassName(), signature));
            }
            return serve;
        } catch (NoSuchMethodException | LinkageError e) {
            throw new GradedFailure(CoreFeedback.serveMissing(exercise.serverClassName(), signature), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
