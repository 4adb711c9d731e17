package org.socklab.grader.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;

/**
 * The servers of one graded test: the test asks for as many as it needs, and they are all stopped
 * when the test ends (the {@link ServerExtension} keeps this object in the test's store, which
 * closes it). A server that does not stop fails the test that started it.
 *
 * <p>Used by the test's thread; not meant to be shared.
 */
public final class Servers implements AutoCloseable {
    private final Exercise exercise;
    private final Implementation implementation;
    private final Starter starter;
    private final List<RunningServer> started = new ArrayList<>();

    Servers(Exercise exercise, Implementation implementation, Starter starter) {
        this.exercise = exercise;
        this.implementation = implementation;
        this.starter = starter;
    }

    /** How a server is started: in this JVM, or in a child JVM (see {@link Isolation}). */
    @FunctionalInterface
    interface Starter {
        RunningServer start(Exercise exercise, Implementation implementation, List<Object> extraArguments);

        Starter IN_PROCESS = (exercise, implementation, extraArguments) ->
                InProcessServer.start(exercise, implementation.serveMethod(exercise), extraArguments);
    }

    /** Starts the exercise's {@code serve} with these arguments after the listener. */
    public RunningServer start(Object... extraArguments) {
        if (extraArguments.length != exercise.extraServeParameters().size()) {
            throw new IllegalArgumentException(exercise + ".serve takes " + exercise.extraServeParameters()
                    + " after the listener, not " + Arrays.toString(extraArguments));
        }
        RunningServer server = starter.start(exercise, implementation, Arrays.asList(extraArguments));
        started.add(server);
        return server;
    }

    /**
     * A class of the submission, loaded without running its initializer, for the few checks that
     * read its structure (bytecode only: harmless anywhere) or call it directly (mark such a test
     * {@link org.socklab.grader.DirectCalls}, so that under child isolation it runs in a child).
     */
    public Class<?> loadClass(String simpleName) {
        return implementation.load(exercise.studentPackage() + "." + simpleName);
    }

    /** Why a server of this test stopped serving, if one did: the real cause of whatever failed after. */
    Optional<Feedback> diagnosis() {
        return started.stream()
                .map(RunningServer::diagnosis)
                .flatMap(Optional::stream)
                .findFirst();
    }

    public Exercise exercise() {
        return exercise;
    }

    /** Stops every server this test started; the first one that would not stop fails the test. */
    @Override
    public void close() {
        Throwable first = null;
        for (RunningServer server : started) {
            try {
                server.stop();
            } catch (RuntimeException | Error e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first instanceof Error error) {
            throw error;
        }
        if (first instanceof RuntimeException exception) {
            throw exception;
        }
    }
}
