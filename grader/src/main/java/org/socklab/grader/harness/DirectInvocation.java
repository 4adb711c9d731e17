package org.socklab.grader.harness;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.socklab.grader.Exercise;

/**
 * Calls one {@link org.socklab.grader.DirectCalls} test in this JVM as JUnit calls it in a
 * student's own run, where {@link ServerExtension} gives it in-process {@link Servers} for the
 * submission on the class path; for a direct check's JVM, which runs exactly one test and where
 * JUnit's launcher was most of the cost (about 0.3 s of CPU of a check's 0.4 s, paid five times a
 * submission). What the extensions would do around the test is done here, in the same order: the
 * test's {@link FloorMeter} around the call, a stopped server's diagnosis in place of what the
 * test saw ({@link Servers#diagnosis()}), the test's servers stopped after it (a server that would
 * not stop fails a test that passed). The policy check is the parent's, before the check starts.
 * A direct test takes its {@link Servers} or nothing; a test of another shape is refused.
 *
 * <p>Stateless; call it on the thread that is to run the test.
 */
public final class DirectInvocation {
    private DirectInvocation() {}

    /** What the test threw (nothing when it passed) and the windows it waited through. */
    public record Outcome(Optional<Throwable> thrown, Floor floor) {}

    /** Runs {@code test}, a public method of {@code testClass} that takes its {@link Servers} or nothing. */
    public static Outcome run(Class<?> testClass, Method test) {
        if (test.getParameterCount() > 1
                || test.getParameterCount() == 1 && test.getParameterTypes()[0] != Servers.class) {
            throw new IllegalArgumentException(test + " takes more than its Servers");
        }
        Exercise exercise = ServerExtension.exerciseOf(testClass);
        FloorMeter meter = FloorMeter.begin();
        Throwable thrown = null;
        try (Servers servers = new Servers(exercise, Implementation.onTestClassPath(), Servers.Starter.IN_PROCESS)) {
            thrown = called(testClass, test, servers);
        } catch (RuntimeException | Error stopping) {
            if (thrown == null) {
                thrown = stopping;
            } else {
                thrown.addSuppressed(stopping);
            }
        }
        return new Outcome(Optional.ofNullable(thrown), meter.end());
    }

    private static Throwable called(Class<?> testClass, Method test, Servers servers) {
        try {
            Object instance = testClass.getConstructor().newInstance();
            if (test.getParameterCount() == 0) {
                test.invoke(instance);
            } else {
                test.invoke(instance, servers);
            }
            return null;
        } catch (InvocationTargetException e) {
            return ServerExtension.diagnosed(servers, e.getCause());
        } catch (ReflectiveOperationException e) {
            return e;
        }
    }
}
