package org.socklab.grader.harness;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.socklab.grader.Exercise;

/**
 * The child JVMs of one test run: one per exercise, started on its first server, reused by the
 * exercise's later tests, visible and hidden (a JVM's start is most of a test's cost), and closed
 * when the next exercise starts its own: a graded run executes its test classes one at a time and
 * an exercise's classes together, so only the newest exercise's child is ever needed. A child
 * that died or was killed is replaced for the next test: a {@code serve} that never returns, a JVM
 * that exits or is killed, costs the tests that need it, and the tests after it still run. What an
 * exercise already paid for is kept in its {@link ExerciseLedger}, so that no bound is paid twice
 * where paying again cannot change the verdict.
 *
 * <p>Kept in the run's root extension store, which closes it (and every child) at the end of the
 * run. Thread-safe.
 */
final class ChildHosts implements AutoCloseable {
    private final List<Path> classes;
    private final ChildOutput output;
    private final Watchdog watchdog = new Watchdog();
    private final Sandbox sandbox;
    /** The child of the exercise being graded, if it started one. */
    private ChildJvm current;

    private final Map<Exercise, ExerciseLedger> ledgers = new EnumMap<>(Exercise.class);
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
            ExerciseLedger ledger = ledger(exercise);
            ledger.requireNotLost();
            if (current != null && current.exercise() == exercise && !current.alive()) {
                watchdog.forget(current); // not closed: its servers keep the diagnosis of its end
                current = null;
            }
            if (current == null || current.exercise() != exercise) {
                if (current != null) {
                    watchdog.forget(current);
                    current.close();
                }
                current = ChildJvm.start(exercise, classes, output, ledger, watchdog, sandbox);
            }
            jvm = current;
        }
        return jvm.serve(extraArguments);
    }

    /** Runs one {@link org.socklab.grader.DirectCalls} test in a child JVM of its own. */
    void check(Exercise exercise, Class<?> testClass, java.lang.reflect.Method test) {
        ExerciseLedger ledger;
        synchronized (this) {
            ledger = ledger(exercise);
        }
        ledger.requireNotLost();
        DirectCheck.run(exercise, testClass, test, classes, output, ledger, sandbox);
    }

    private ExerciseLedger ledger(Exercise exercise) {
        return ledgers.computeIfAbsent(exercise, key -> new ExerciseLedger());
    }

    @Override
    public void close() {
        ChildJvm last;
        synchronized (this) {
            closed = true;
            last = current;
            current = null;
        }
        watchdog.close();
        if (last != null) {
            last.close();
        }
        output.close();
    }
}
