package org.socklab.grader.harness;

import java.time.Duration;
import java.util.List;

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
     * The stacks of the server's live threads, top frame first: whether each one is blocked in a
     * read, waiting on a queue, or busy in the student's code. Only a server running in this JVM
     * can be seen this way; elsewhere the list is empty, and virtual threads never show. So a test
     * may use it to choose <em>when</em> to act, never as evidence against a server.
     */
    default List<StackTraceElement[]> stacks() {
        return List.of();
    }
}
