package org.socklab.grader.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;

/**
 * Gives each graded test its {@link Servers}, for the exercise its class is
 * {@linkplain GradedExercise graded for}, and stops them when the test ends.
 *
 * <p>Which implementation the servers run is a JUnit configuration parameter, so that the same
 * tests grade anything without being copied:
 * <ul>
 *   <li>{@value #CLASSES} absent: the {@code lab.*} classes on the test class path (a student's
 *       {@code mvn test});</li>
 *   <li>{@value #CLASSES} = folders or jars (path separator between them): the {@code lab.*}
 *       classes found there, in a class loader of their own for the whole run (a fixture, a
 *       submission compiled by the grader).</li>
 * </ul>
 *
 * <p>Stateless: everything it makes lives in JUnit's extension stores, which close it.
 */
public final class ServerExtension implements ParameterResolver {
    /** The configuration parameter naming where the code under test is. */
    public static final String CLASSES = "socklab.classes";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Servers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Exercise exercise = exerciseOf(context);
        Implementation implementation = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LoadedImplementation.class, key -> load(context), LoadedImplementation.class)
                .implementation();
        Servers servers = new Servers(exercise, implementation);
        context.getStore(NAMESPACE).put(new Object(), servers);
        return servers;
    }

    static Exercise exerciseOf(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return AnnotationSupport.findAnnotation(testClass, GradedExercise.class)
                .map(GradedExercise::value)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated with @GradedExercise"));
    }

    private static LoadedImplementation load(ExtensionContext context) {
        Optional<String> classes = context.getConfigurationParameter(CLASSES).filter(value -> !value.isBlank());
        if (classes.isEmpty()) {
            return new LoadedImplementation(Implementation.onTestClassPath(), null);
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classes.get().split(File.pathSeparator)) {
            try {
                urls.add(Path.of(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(CLASSES + ": not a path: " + entry, e);
            }
        }
        URLClassLoader loader = new URLClassLoader("socklab-submission", urls.toArray(URL[]::new),
                ServerExtension.class.getClassLoader());
        return new LoadedImplementation(new Implementation(loader, classes.get()), loader);
    }

    /** An implementation and the class loader to close at the end of the run, if we made one. */
    private record LoadedImplementation(Implementation implementation, URLClassLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            if (loader != null) {
                try {
                    loader.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
