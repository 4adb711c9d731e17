package org.socklab.grader.harness;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What TCP cannot show about a running server: its threads and the CPU time they burn. It is the
 * only view graded tests have of a server besides its sockets, so that the same tests can judge a
 * server in this JVM, in a child process, or written in another language.
 *
 * <p>Implementations are thread-safe; each call is a fresh reading.
 */
public interface ServerProbe {
    /** How many threads of the server are alive now (its accept loop included). */
    int liveThreads();

    /** The CPU time the server's live threads have consumed so far. */
    Duration cpuTime();

    /**
     * Where each live thread of the server is now: name, state and stack. Only a server running in
     * the grader's own JVM can show this; for a server elsewhere (a child process, another
     * language) it is empty, and a check that needs it cannot judge that server. Use it sparingly:
     * whatever can be judged over TCP or by counts and CPU time should be.
     */
    default Optional<List<ThreadSnapshot>> threads() {
        return Optional.empty();
    }

    /**
     * If every live thread of the server now waits for something only another thread or the
     * network can bring (a lock, condition or queue waited on without a timeout, a blocking read or
     * accept), a mark of the CPU time they have used so far: the same mark over a while means the
     * server has not moved, and will not unless a client acts. A server with no thread left (its
     * {@code serve} ended) cannot act either. Empty when a thread may still act by
     * itself (it runs, sleeps, waits with a timeout), or when this cannot be seen: then nothing is
     * concluded from it.
     */
    default OptionalLong blockedForGood() {
        return OptionalLong.empty();
    }
}
