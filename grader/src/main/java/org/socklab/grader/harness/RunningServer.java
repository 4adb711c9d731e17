package org.socklab.grader.harness;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.socklab.grader.feedback.Feedback;

/**
 * A student's server started for one test, listening on 127.0.0.1 at a port the grader chose.
 * The harness stops it when the test ends; a test may stop it earlier to check that it stops.
 *
 * <p>Thread-safe: clients may be opened from several threads.
 */
public interface RunningServer {
    InetSocketAddress address();

    /** A new client connected to the server, closed by the harness when the server stops. */
    LineClient connect();

    ServerProbe probe();

    /**
     * Closes every client, then the listener, then waits for {@code serve} to return.
     *
     * @throws org.socklab.grader.feedback.GradedFailure if {@code serve} does not return in time
     */
    void stop();

    /** Why the server stopped serving on its own (it threw, or returned), if it did. */
    Optional<Feedback> diagnosis();
}
