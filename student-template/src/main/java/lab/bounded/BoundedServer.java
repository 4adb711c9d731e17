package lab.bounded;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 3 (bounded): an upper-casing server that handles at most N clients at the same time.
 *
 * <h2>The protocol</h2>
 * For each connection the server reads <b>one</b> line, replies with that line in upper case
 * ({@code line.toUpperCase(Locale.ROOT)}) followed by {@code '\n'}, and closes the connection.
 * A line is UTF-8 text ending with {@code '\n'}; drop a {@code '\r'} just before it, because telnet
 * and Windows netcat send {@code "\r\n"}. A session with netcat ({@code >} is what you type,
 * {@code <} what the server sends back):
 * <pre>
 * $ nc localhost 50000
 * &gt; olá, mundo
 * &lt; OLÁ, MUNDO
 * (the server closes the connection)
 * </pre>
 *
 * <h2>Why a bound?</h2>
 * In exercise 2 you started one thread per connection. That works until somebody opens ten
 * thousand connections and sends nothing: every idle connection costs a whole thread (its stack,
 * a scheduler entry), and the server runs out of memory or threads and stops serving anybody.
 * Opening connections is cheap for an attacker and expensive for you, which is what makes an
 * unbounded thread-per-client server an easy denial-of-service target. So here the server
 * handles at most {@code maxThreads} connections at any moment.
 *
 * <h2>What makes it hard</h2>
 * <ul>
 *   <li><b>Connection N+1 waits.</b> While N clients are being handled, the next one is neither
 *       refused nor dropped: it is not closed, it gets no error message, and it is not forgotten.
 *       It simply gets no reply yet; as soon as one of the N handlers finishes, it is served.
 *       (Where it waits is up to you: still in the operating system's accept backlog, if you
 *       wait for a free slot <em>before</em> calling {@code accept()}, or already accepted, if you
 *       wait after {@code accept()}, or in the queue of a thread pool. All three are fine.)</li>
 *   <li><b>Waiting must not spin.</b> The classic mistake is a loop such as "while at least N of
 *       my threads are still {@code isAlive()}, check again". That loop keeps one CPU core at
 *       100% doing nothing useful, exactly while the server is at its busiest, and adding a
 *       short {@code sleep} only hides the problem (it still wakes up constantly, and it reacts
 *       late). Instead, make the waiting thread <em>block</em> until a slot is free, so the
 *       operating system does not run it at all until then.</li>
 *   <li><b>Every slot comes back.</b> A client that connects and leaves without ever sending a
 *       complete line (end of stream), or whose connection breaks (reset), must free its slot
 *       just like a client that got its reply. Otherwise, after N such clients, your server
 *       serves nobody ever again. Free the slot in a {@code finally} block.</li>
 *   <li><b>TCP is a byte stream.</b> A line may arrive in many small pieces (even one byte at a
 *       time, even in the middle of a multi-byte character such as "ã"), so read until you have
 *       seen the {@code '\n'} before you answer. A very long line (1 MiB) must work too.</li>
 * </ul>
 *
 * <h2>What the grader checks</h2>
 * <ul>
 *   <li>The reply is right (upper case, UTF-8, {@code "\r\n"} accepted, lines in pieces).</li>
 *   <li>With N clients connected and stalled (their line not finished yet) and one more client
 *       whose line is complete, that extra client gets <em>no</em> reply while the N stall; when
 *       one stalled client is released (it finishes its line, or it disconnects without one),
 *       the extra client is served.</li>
 *   <li>Fifty clients arriving in a burst are all served; none is lost or closed early.</li>
 *   <li>While N clients stall, your server uses (almost) no CPU time.</li>
 *   <li>Handler threads do not pile up: the number of live threads your server started stays at
 *       most N plus a small constant, however many clients come and go.</li>
 *   <li>{@code serve} returns soon after the grader has closed its clients and the listener.</li>
 * </ul>
 *
 * <h2>Hints</h2>
 * Any one of these is a good design; pick the one you like best.
 * <ul>
 *   <li>A {@link java.util.concurrent.Semaphore} with N permits: the accept loop calls
 *       {@code acquire()} before it hands a connection to a new thread, and that thread calls
 *       {@code release()} in a {@code finally} block when it is done.</li>
 *   <li>{@link java.util.concurrent.Executors#newFixedThreadPool(int)}: only N worker threads
 *       ever exist, and extra connections wait in the pool's queue. Create the pool
 *       <em>once</em>, before the accept loop (not once per client!), and call
 *       {@code shutdown()} on it when {@code serve} ends.</li>
 *   <li>A counter of busy handlers guarded by {@code synchronized}: the accept loop calls
 *       {@code wait()} in a {@code while} loop while the counter is N, and a finishing handler
 *       decrements it and calls {@code notifyAll()}.</li>
 * </ul>
 * Useful classes: {@link java.net.ServerSocket}, {@link java.net.Socket},
 * {@link java.io.InputStream} (read bytes until {@code '\n'}, then decode them with
 * {@link java.nio.charset.StandardCharsets#UTF_8}), {@link java.util.Locale#ROOT}.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Thread-safety and ownership.</b> Whatever counts the free slots (semaphore, pool,
 *       counter) is shared by the accept loop and all handler threads, so it must be
 *       thread-safe: use a {@code java.util.concurrent} class, or touch your counter only inside
 *       {@code synchronized}. Each accepted {@code Socket} belongs to exactly one handler, which
 *       closes it when it is done (try-with-resources). The listener belongs to the caller.</li>
 *   <li>All state lives inside the {@code serve} call: no {@code static} fields that change, so
 *       the grader can start several servers in one JVM.</li>
 *   <li>One misbehaving client (early disconnect, reset, garbage, a huge line) costs that client
 *       alone; catch its {@code IOException} in its handler and never let the server die.</li>
 *   <li>When {@code accept()} throws because the listener was closed, leave the accept loop
 *       and return. {@code serve} does not have to wait for running handlers to finish.</li>
 *   <li>Do not print anything outside {@code main}, and never call {@code System.exit}.</li>
 * </ul>
 *
 * <h2>Decisions where the exercise statement is silent</h2>
 * <ul>
 *   <li>A stalled client keeps its slot for as long as it stays connected: do not add a read
 *       timeout (a real server would have one, but the grader relies on stalled clients holding
 *       their slots for several seconds).</li>
 *   <li>{@code maxThreads} smaller than 1 is a programming error: throw
 *       {@link IllegalArgumentException}. ({@code main} uses N = 4 when none is given.)</li>
 *   <li>If the thread running {@code serve} is interrupted while it waits for a free slot,
 *       {@code serve} stops accepting and returns (keep the interrupt flag set).</li>
 *   <li>Bytes that are not valid UTF-8 are decoded with replacement characters; that client is
 *       still answered. A client that closes before finishing its line may get no reply at all
 *       (this is not graded).</li>
 * </ul>
 */
public final class BoundedServer {

    private static final int DEFAULT_PORT = 50000;
    private static final int DEFAULT_MAX_THREADS = 4;

    private BoundedServer() {
    }

    /**
     * Runs the server by hand: {@code java lab.bounded.BoundedServer [port [maxThreads]]}.
     * Try it with N = 2: open three terminals with {@code nc localhost 50000}, type a line in the
     * third one first, and watch it wait until you finish one of the other two.
     *
     * @param args optional port (default 50000) and optional bound N (default 4)
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        int maxThreads = args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_MAX_THREADS;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("bounded listening on port " + port + ", at most " + maxThreads
                    + " clients at a time; try: nc localhost " + port);
            serve(listener, maxThreads);
        }
    }

    /**
     * Accepts connections on {@code listener} and handles at most {@code maxThreads} of them at
     * the same time: each one gets its line back in upper case, then is closed. A connection that
     * arrives while all slots are busy waits (no CPU spent) until a slot is free. Returns when the
     * listener is closed.
     *
     * @param listener   a server socket that the caller has already bound; the caller closes it
     * @param maxThreads how many clients may be handled at the same time (at least 1)
     * @throws IOException if {@code accept()} fails for a reason other than the listener closing
     */
    public static void serve(ServerSocket listener, int maxThreads) throws IOException {
        throw new UnsupportedOperationException("exercise 3 (bounded): not implemented yet");
    }
}
