package org.socklab.grader.harness;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * The child JVMs of one test run: one per exercise, started on its first server and reused by the
 * exercise's later tests (a JVM's start is most of a test's cost). A child that died or was killed
 * is replaced for the next test; after {@value #GIVE_UP_AFTER} such ends, the exercise's remaining
 * tests fail at once instead of paying every bound again, which is what bounds the time a hostile
 * submission can cost: about {@value #GIVE_UP_AFTER} times the largest bound per exercise.
 *
 * <p>Kept in the run's root extension store, which closes it (and every child) at the end of the
 * run. Thread-safe.
 */
final class ChildHosts implements AutoCloseable {
    static final int GIVE_UP_AFTER = 2;

    private final List<Path> classes;
    private final ChildOutput output;
    private final Sandbox sandbox;
    private final Map<Exercise, ChildJvm> current = new EnumMap<>(Exercise.class);
    private final Map<Exercise, Integer> ends = new EnumMap<>(Exercise.class);
    private boolean closed;

    ChildHosts(List<Path> classes, ChildOutput output, Sandbox sandbox) {
        this.classes = List.copyOf(classes);
        this.output = output;
        this.sandbox = sandbox;
    }

    /** Starts the exercise's {@code serve} in its child, starting or replacing the child as needed. */
    RunningServer start(Exercise exercise, List<Object> extraArguments) {
        ChildJvm jvm;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the run is over");
            }
            jvm = current.get(exercise);
            if (jvm != null && !jvm.alive()) {
                current.remove(exercise);
                ends.merge(exercise, 1, Integer::sum);
                jvm = null;
            }
            int ended = ends.getOrDefault(exercise, 0);
            if (ended >= GIVE_UP_AFTER) {
                throw new GradedFailure(CoreFeedback.processGivenUp(ended));
            }
            if (jvm == null) {
                jvm = ChildJvm.start(exercise, classes, output, sandbox);
                current.put(exercise, jvm);
            }
        }
        return jvm.serve(extraArguments);
    }

    /** Runs one {@link org.socklab.grader.DirectCalls} test in a child JVM of its own. */
    void check(Exercise exercise, Class<?> testClass, java.lang.reflect.Method test) {
        DirectCheck.run(exercise, testClass, test, classes, output, sandbox);
    }

    @Override
    public void close() {
        List<ChildJvm> children;
        synchronized (this) {
            closed = true;
            children = List.copyOf(current.values());
            current.clear();
        }
        children.forEach(ChildJvm::close);
        output.close();
    }
}
