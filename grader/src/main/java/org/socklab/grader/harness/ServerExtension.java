package org.socklab.grader.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;
import org.socklab.grader.DirectCalls;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

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
 * <p>Where the servers run is the configuration parameter {@value #ISOLATION}
 * ({@code in-process}, the default, or {@code child-process}: see {@link Isolation}); with
 * {@code child-process}, {@value #CHILD_OUTPUT} may name a file for what the servers print.
 *
 * <p>Stateless: everything it makes lives in JUnit's extension stores, which close it.
 */
public final class ServerExtension implements ParameterResolver, InvocationInterceptor, TestExecutionExceptionHandler {
    /** The configuration parameter naming where the code under test is. */
    public static final String CLASSES = "socklab.classes";
    /** The configuration parameter choosing where servers run: {@code in-process} or {@code child-process}. */
    public static final String ISOLATION = "socklab.isolation";
    /** The configuration parameter naming a file for the output of servers run in child processes. */
    public static final String CHILD_OUTPUT = "socklab.child.output";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ServerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Servers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Exercise exercise = exerciseOf(context);
        Implementation implementation = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(LoadedImplementation.class, key -> load(context), LoadedImplementation.class)
                .implementation();
        Servers servers = new Servers(exercise, implementation, starter(context));
        context.getStore(NAMESPACE).put(Servers.class, servers);
        return servers;
    }

    /**
     * Whatever a test saw go wrong, a server that stopped serving is the real cause (its
     * {@code serve} threw, returned, or its process died): that diagnosis is reported instead, once
     * for every test, with the test's own failure kept as the cause.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        throw diagnosed(context.getStore(NAMESPACE).get(Servers.class, Servers.class), thrown);
    }

    /** What a test that threw {@code thrown} failed of: its servers' diagnosis, if they have one. */
    static Throwable diagnosed(Servers servers, Throwable thrown) {
        if (thrown instanceof TestAbortedException) {
            return thrown;
        }
        Optional<Feedback> diagnosis = servers == null ? Optional.empty() : servers.diagnosis();
        if (diagnosis.isEmpty()
                || thrown instanceof GradedFailure failure
                        && failure.observation().equals(diagnosis.get())) {
            return thrown;
        }
        return new GradedFailure(diagnosis.get(), thrown);
    }

    static Exercise exerciseOf(ExtensionContext context) {
        return exerciseOf(context.getRequiredTestClass());
    }

    /** The exercise {@code testClass} is {@linkplain GradedExercise graded for}. */
    static Exercise exerciseOf(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, GradedExercise.class)
                .map(GradedExercise::value)
                .orElseThrow(() -> new IllegalStateException(testClass + " is not annotated with @GradedExercise"));
    }

    /**
     * Under {@link Isolation#CHILD_PROCESS}, a {@link DirectCalls} test runs in a child JVM of its
     * own, and only its verdict (and its {@link Floor}) comes back; everything else runs here as
     * usual. Either way the test's floor is counted ({@link FloorMeter}) and published as a report
     * entry for the score.
     */
    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        Method test = invocationContext.getExecutable();
        FloorMeter meter = FloorMeter.begin();
        try {
            if (isolation(context) == Isolation.IN_PROCESS || !test.isAnnotationPresent(DirectCalls.class)) {
                invocation.proceed();
                return;
            }
            invocation.skip();
            hosts(context).check(exerciseOf(context), context.getRequiredTestClass(), test);
        } finally {
            context.publishReportEntry(Floor.ENTRY, meter.end().encode());
        }
    }

    private static Isolation isolation(ExtensionContext context) {
        return context.getConfigurationParameter(ISOLATION)
                .filter(value -> !value.isBlank())
                .map(Isolation::parse)
                .orElse(Isolation.IN_PROCESS);
    }

    private static Servers.Starter starter(ExtensionContext context) {
        if (isolation(context) == Isolation.IN_PROCESS) {
            return Servers.Starter.IN_PROCESS;
        }
        ChildHosts hosts = hosts(context);
        return (exercise, implementation, extraArguments) -> hosts.start(exercise, extraArguments);
    }

    /**
     * The run's child JVMs, closed with the run's root store; an exercise's child is closed when
     * the next exercise starts one ({@link ChildHosts}), so that children do not pile up over a run
     * and an exercise's visible and hidden test classes share it.
     */
    private static ChildHosts hosts(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(ChildHosts.class, key -> childHosts(context), ChildHosts.class);
    }

    private static ChildHosts childHosts(ExtensionContext context) {
        String classes = context.getConfigurationParameter(CLASSES)
                .filter(value -> !value.isBlank())
                .orElse(System.getProperty("java.class.path"));
        List<Path> entries = new ArrayList<>();
        for (String entry : classes.split(File.pathSeparator)) {
            entries.add(Path.of(entry));
        }
        ChildOutput output = context.getConfigurationParameter(CHILD_OUTPUT)
                .filter(value -> !value.isBlank())
                .map(file -> ChildOutput.to(Path.of(file)))
                .orElseGet(ChildOutput::discarded);
        return new ChildHosts(entries, output, Sandbox.of(context.getConfigurationParameter(Sandbox.PARAMETER)));
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
        URLClassLoader loader = new URLClassLoader(
                "socklab-submission", urls.toArray(URL[]::new), ServerExtension.class.getClassLoader());
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
