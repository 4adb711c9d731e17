package org.socklab.grader.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.socklab.grader.Exercise;

/**
 * Starts servers outside a test run exactly the way {@code socklab grade} starts them: in a child
 * JVM per exercise, with the same bounds (heap, threads, foreign listeners, lifetime), listening
 * on 127.0.0.1 at a port the child chose. For tools other than the graded tests, such as
 * {@code socklab experiment}, which measure a server instead of grading it.
 *
 * <p>Closing it stops every child it started. Thread-safe.
 */
public final class IsolatedServers implements AutoCloseable {
    private final ChildHosts hosts;

    private IsolatedServers(ChildHosts hosts) {
        this.hosts = hosts;
    }

    /**
     * Servers whose {@code lab.*} classes are found in {@code classes} (folders or jars), after the
     * grader's own; what they print goes to {@code log}, if given, else nowhere.
     */
    public static IsolatedServers of(List<Path> classes, Optional<Path> log) {
        return new IsolatedServers(
                new ChildHosts(classes, log.map(ChildOutput::to).orElseGet(ChildOutput::discarded), Sandbox.NONE));
    }

    /**
     * Starts the exercise's {@code serve} in its child JVM and returns once it listens.
     *
     * @throws org.socklab.grader.feedback.GradedFailure saying why, if it cannot start
     */
    public RunningServer start(Exercise exercise, Object... extraArguments) {
        return hosts.start(exercise, List.of(extraArguments));
    }

    @Override
    public void close() {
        hosts.close();
    }
}
