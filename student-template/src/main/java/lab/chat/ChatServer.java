package lab.chat;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 6 (chat): a chat room over TCP, where every line a client types reaches everybody.
 *
 * <h2>The protocol</h2>
 * Clients are plain {@code nc}. A client's <em>name</em> is its address as the server sees it,
 * {@code ip:port}, for example {@code 127.0.0.1:50312}. All lines are UTF-8 text ending with
 * {@code '\n'}; drop a {@code '\r'} just before it (telnet and Windows netcat send
 * {@code "\r\n"}), and end every line you send with {@code '\n'}.
 * <ul>
 *   <li>When a client connects, everybody connected, the newcomer included, receives
 *       {@code <name> joined}. For the newcomer, that is the very first line it receives; from
 *       then on it receives every line the room sends.</li>
 *   <li>Every line a client sends (except {@code :bye}) goes to every connected client, the
 *       sender included, as {@code <name>: <line>}.</li>
 *   <li>{@code :bye} means "I am leaving": the server removes that client from the room, sends
 *       {@code <name> left} to everyone still connected (not to the client that left), closes
 *       that client's connection, and that client's thread ends. A client that simply
 *       disconnects (netcat stopped with Ctrl+C, or a broken connection) is handled exactly the
 *       same way.</li>
 * </ul>
 * A session with two terminals, A and B ({@code >} is what a client types, {@code <} what it
 * receives):
 * <pre>
 * A$ nc localhost 9091
 * A&lt; 127.0.0.1:50312 joined
 * B$ nc localhost 9091
 * A&lt; 127.0.0.1:50318 joined
 * B&lt; 127.0.0.1:50318 joined
 * A&gt; oi, tudo bem?
 * A&lt; 127.0.0.1:50312: oi, tudo bem?
 * B&lt; 127.0.0.1:50312: oi, tudo bem?
 * B&gt; :bye
 * A&lt; 127.0.0.1:50318 left
 *    (the server closes B's connection; B never sees its own "left" line)
 * </pre>
 *
 * <h2>What makes it hard</h2>
 * Each client has its own thread (as in exercise 2), but here the threads must work
 * <em>together</em>: to broadcast a line, the thread of the sender writes to the sockets of all the
 * clients, its own included. So they all share one thing, the list of connected clients, and every thread
 * uses it at the same time: a newcomer's thread adds itself, a leaving client's thread removes
 * itself, and any thread may be walking through it to broadcast. That shared list is the heart
 * of the exercise.
 * <ul>
 *   <li><b>Broadcast and removal must not race.</b> If one thread walks through an
 *       {@code ArrayList} with a for-each loop while another thread adds or removes a client, the
 *       iterator notices that the list changed under it and throws
 *       {@code ConcurrentModificationException}: the broadcast stops halfway, some clients never
 *       get the line, and the sender's thread dies. This happens for real, typically when a
 *       client leaves while a broadcast is stuck writing to a slow client. Even without the
 *       exception, a thread that is still walking an old view of the list would write to a
 *       client that has already left, and a departed client must never receive anything more
 *       (not even its own {@code left} line). Both problems have one cure: adding, removing and
 *       walking the list to broadcast must never overlap.</li>
 *   <li><b>Every line arrives in one piece.</b> Two clients may talk at the same moment, so two
 *       threads may write to the same socket at the same moment. If you write
 *       {@code "<name>: "}, then the text, then {@code "\n"} as three separate writes, the
 *       pieces of two lines can mix on the wire ({@code "A: B: hello\n"}...). Build the whole
 *       line first, turn it into bytes, and send it with a single {@code write(byte[])} call
 *       (then {@code flush()}), and make sure that no other thread writes to that socket in the
 *       middle of a line.</li>
 *   <li><b>Everybody sees one conversation.</b> Lines from one sender arrive in the order they
 *       were sent, and if client X receives line 1 before line 2, then every client receives line
 *       1 before line 2. If two threads broadcast at the same time without coordination, one
 *       client may get A's line first and another client B's line first; that must not happen.
 *       The simplest way: one lock, held while you add, remove, and broadcast a line to the
 *       whole list.</li>
 *   <li><b>{@code joined} comes first.</b> Add the newcomer to the list and send its
 *       {@code joined} line in one step (under the same lock), so no other line can slip in
 *       before it and no line is missed after it. The grader relies on this: a test client knows
 *       it is in the room when it reads its own {@code joined} line.</li>
 *   <li><b>Leaving cleans up everything.</b> Whether the client sent {@code :bye}, closed its side
 *       (end of stream: your read returns -1 or {@code null}) or reset the connection (your read
 *       throws), do the same: remove it from the list, tell the others, close its socket, and let
 *       its thread end. A {@code finally} block is the natural place.</li>
 *   <li><b>TCP is a byte stream.</b> A line may arrive in many small pieces (even one byte at a
 *       time, even in the middle of a multi-byte character such as "ç"), and several lines may
 *       arrive together. Read bytes until {@code '\n'}, then decode the whole line as UTF-8.</li>
 * </ul>
 *
 * <h2>What the grader checks</h2>
 * <ul>
 *   <li>Every line reaches every connected client, the sender included, as {@code <name>: <line>},
 *       and each client's {@code joined} line is the first line it gets.</li>
 *   <li>Lines of one sender arrive in the order sent, and all clients see the same lines in the
 *       same order, even with many clients talking at once.</li>
 *   <li>No line is ever torn or mixed with another, even with several clients sending long lines
 *       (tens of KiB) at the same time to a client that reads slowly.</li>
 *   <li>{@code :bye} closes the connection, the others get {@code <name> left}, and the client that
 *       left gets nothing more; the same cleanup and notice happen when a client just
 *       disconnects or resets.</li>
 *   <li>Clients joining and leaving in the middle of a storm of broadcasts crash nothing (no
 *       {@code ConcurrentModificationException}, no thread dying) and nothing is written to a
 *       client after it left.</li>
 *   <li>Handler threads end when their clients leave, and {@code serve} returns soon after the
 *       grader has closed its clients and the listener.</li>
 * </ul>
 *
 * <h2>Hints</h2>
 * <ul>
 *   <li>Accept loop as in exercise 2: one new {@link Thread} per accepted {@link java.net.Socket}.
 *       Create the shared list (and its lock) once, at the start of {@code serve}, and give it to
 *       every handler.</li>
 *   <li>One lock for the room: {@code synchronized} methods on a small class of your own that holds
 *       the {@code List}, or a {@link java.util.concurrent.locks.ReentrantLock} with
 *       {@code lock()} / {@code unlock()} in {@code try} / {@code finally}. Writing to the sockets
 *       while holding the lock is fine here.</li>
 *   <li>Beware of half-fixes. {@code Collections.synchronizedList} makes each {@code add} and
 *       {@code remove} safe, but a for-each over it is still unprotected. A
 *       {@link java.util.concurrent.CopyOnWriteArrayList} ends the exception, but not the problems
 *       of lines mixed on the wire, of clients seeing different orders, or of a line reaching a
 *       client that has just left.</li>
 *   <li>To build a name: {@code socket.getInetAddress().getHostAddress() + ":" + socket.getPort()}.
 *       To send a line: {@code out.write((text + "\n").getBytes(StandardCharsets.UTF_8))}, then
 *       {@code out.flush()}, where {@code out} is {@code socket.getOutputStream()}. Avoid
 *       {@code PrintWriter.println}: it sends {@code "\r\n"} on Windows.</li>
 *   <li>Other designs are fine too, as long as they keep every guarantee above: for example one
 *       writer thread per client fed by a {@link java.util.concurrent.BlockingQueue} (the lines
 *       are put on all the queues under one lock), or a single dispatcher thread that owns the
 *       list and does all the sending while the handlers only read and hand it what they read
 *       through a {@code BlockingQueue}.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Thread-safety and ownership.</b> The list of clients is shared by all handler threads:
 *       every access to it (add, remove, iterate) happens while holding one and the same lock
 *       (or inside the one thread that owns it). Each socket belongs to its client's handler,
 *       which closes it when the client leaves; other threads may only send lines to it, and
 *       only while it is still in the list. The listener belongs to the caller.</li>
 *   <li>All state lives inside the {@code serve} call: no {@code static} fields that change, so
 *       the grader can start several servers in one JVM.</li>
 *   <li>One misbehaving client (early disconnect, reset, garbage, a huge line) costs that client
 *       alone; catch its {@code IOException} in its handler and never let the server die.</li>
 *   <li>When {@code accept()} throws because the listener was closed, leave the accept loop and
 *       return. {@code serve} does not have to wait for the handlers of clients still connected
 *       (make them daemon threads), though it may.</li>
 *   <li>Do not print anything outside {@code main}, and never call {@code System.exit}.</li>
 * </ul>
 *
 * <h2>Decisions where the exercise statement is silent</h2>
 * <ul>
 *   <li>The name has no leading slash: use {@code getHostAddress()}, not
 *       {@code socket.getRemoteSocketAddress().toString()}, which gives
 *       {@code /127.0.0.1:50312}.</li>
 *   <li>{@code :bye} must be the whole line, exactly (after dropping the {@code '\r'}), lower case.
 *       {@code ":BYE"}, {@code " :bye"} or {@code ":bye now"} are ordinary chat lines.</li>
 *   <li>An empty line is an ordinary chat line: everybody gets {@code "<name>: "} (the name, a
 *       colon, a space, and nothing after it).</li>
 *   <li>There is no line-length limit: a long line (the grader uses lines of tens of KiB; your
 *       server must also survive one of 1 MiB) is relayed whole, like any other.</li>
 *   <li>When a client leaves, the order is: remove it from the list, then send {@code <name> left}
 *       to the others, then close its connection. Lines broadcast before it was removed may
 *       still reach it; nothing broadcast after that does. (Which lines are "before" is a matter
 *       of timing when others are talking while it leaves; the grader does not rely on it.)</li>
 *   <li>If writing a line to one client fails (its connection just broke), ignore that failure
 *       and go on with the other clients: the broken client's own thread will notice on its next
 *       read and do the leaving. A failed write must never stop a broadcast halfway.</li>
 *   <li>Bytes that are not valid UTF-8 are decoded with replacement characters and relayed. A
 *       last line without {@code '\n'} before the client disconnects may be dropped (it is not
 *       graded).</li>
 *   <li>A client that stops reading is out of scope: with writes under the lock, it would
 *       eventually make the whole room wait. The grader's clients always read. (Real chat
 *       servers avoid this with a queue per client; you do not have to.)</li>
 * </ul>
 */
public final class ChatServer {

    private static final int DEFAULT_PORT = 9091;

    private ChatServer() {
    }

    /**
     * Runs the server by hand: {@code java lab.chat.ChatServer [port]}. Open two or three
     * terminals with {@code nc localhost 9091} and chat with yourself.
     *
     * @param args optional port (default 9091)
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("chat listening on port " + port + "; try: nc localhost " + port
                    + " (in two or three terminals)");
            serve(listener);
        }
    }

    /**
     * Accepts clients on {@code listener}, one thread each, all chatting in one room; returns
     * when the listener is closed.
     *
     * @param listener a server socket that the caller has already bound; the caller closes it
     * @throws IOException if {@code accept()} fails for a reason other than the listener closing
     */
    public static void serve(ServerSocket listener) throws IOException {
        throw new UnsupportedOperationException("exercise 6 (chat): not implemented yet");
    }
}
