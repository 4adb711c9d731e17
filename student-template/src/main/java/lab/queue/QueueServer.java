package lab.queue;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 5 (queue): producers and one consumer, joined by a {@code BlockingQueue}.
 *
 * <p>This server collects temperature readings, like exercise 4, but it splits the work in two.
 * The threads that talk to clients only <em>hand the readings over</em>; one separate thread, the
 * processor, does the bookkeeping. That split is the classic producer/consumer pattern, and the
 * point of this exercise.
 *
 * <h2>The protocol</h2>
 *
 * One connection carries one request: the client sends one line, the server answers and closes.
 * <ul>
 *   <li>{@code <city>,<max>,<min>} is a reading. It is checked with the same rules as in exercise
 *       4 (below); if it is valid, it goes on the queue and the server answers {@code BYE}
 *       immediately, without waiting for the reading to be processed.</li>
 *   <li>{@code STATS} asks for the statistics over the <em>latest</em> reading of every city
 *       processed so far: two lines, {@code HOTTEST,<city>,<max>} (the city whose latest max is
 *       the highest) and {@code COLDEST,<city>,<min>} (the city whose latest min is the lowest). If
 *       no reading has been processed yet, the single line {@code EMPTY}.</li>
 *   <li>Anything else, including a reading that breaks a rule: one line {@code ERROR <reason>},
 *       where the reason is a few words of your choice (for example
 *       {@code ERROR max must be >= min}). Nothing is recorded.</li>
 * </ul>
 *
 * <p>An example session. Each {@code nc} is a new connection: type one line, press Enter, and
 * the server answers and hangs up.
 * <pre>
 * $ nc localhost 50002
 * STATS
 * EMPTY
 * $ nc localhost 50002
 * Recife,31,24
 * BYE
 * $ nc localhost 50002
 * Porto Alegre, 18, 7
 * BYE
 * $ nc localhost 50002
 * STATS
 * HOTTEST,Recife,31
 * COLDEST,Porto Alegre,7
 * $ nc localhost 50002
 * Recife,17,12
 * BYE
 * $ nc localhost 50002
 * STATS
 * HOTTEST,Porto Alegre,18
 * COLDEST,Porto Alegre,7
 * $ nc localhost 50002
 * Natal,20,30
 * ERROR max must be &gt;= min
 * </pre>
 * Recife's new reading replaced its old one, so Recife is no longer the hottest city.
 *
 * <h2>The rules (the same as in exercise 4)</h2>
 * <ul>
 *   <li><b>Reading, STATS or error?</b> First ignore the spaces at both ends of the line
 *       ({@link String#trim()}). A line that contains a comma is a reading. Otherwise, the line
 *       {@code STATS}, in capitals, asks for the statistics. Everything else (an empty line,
 *       {@code hello}, {@code stats} in lower case) gets
 *       {@code ERROR expected <city>,<max>,<min> or STATS}.</li>
 *   <li><b>Fields of a reading.</b> Exactly three fields separated by commas, each one trimmed:
 *       {@code Porto Alegre , 18 , 7} is the same reading as {@code Porto Alegre,18,7}. Two or
 *       four fields get the same {@code ERROR expected ...} reply.</li>
 *   <li><b>City.</b> Must not be empty after trimming ({@code ERROR empty city}); inner spaces
 *       stay. It may hold any UTF-8 text without a comma: {@code São Paulo},
 *       {@code João Pessoa}. Names are compared exactly: {@code recife} and {@code Recife} are
 *       two different cities.</li>
 *   <li><b>Max and min.</b> Whole numbers that fit in an {@code int}, with an optional sign
 *       ({@code -3}, {@code +5}); anything else, such as {@code 30.5}, {@code abc}, an empty field
 *       or {@code 99999999999}, gets {@code ERROR max is not an integer} (or {@code min}). Max
 *       may equal min but not be below it: {@code ERROR max must be >= min}. The checks run in
 *       this order (fields, city, max, min, max &gt;= min) and the first failure is the
 *       reply.</li>
 *   <li><b>Error reasons</b> are for the person at the keyboard: the grader only checks that the
 *       reply starts with {@code ERROR } and that nothing was recorded.</li>
 *   <li><b>Ties.</b> If two cities tie for hottest (or coldest), either one is a right
 *       answer.</li>
 * </ul>
 *
 * <h2>Who does what</h2>
 * <ul>
 *   <li><b>The producers</b> are the handler threads, one per connection, as in exercises 2 and
 *       4. A handler reads its line, checks it, and for a valid reading calls {@code put} on the
 *       queue and then answers {@code BYE}. It never touches the statistics when it records a
 *       reading.</li>
 *   <li><b>The consumer</b> is one processor thread, started by {@code serve}. It loops on
 *       {@code take()} and updates the statistics with each reading it takes. There is exactly one
 *       of it, and it is the <em>only</em> code that changes the statistics: the statistics belong
 *       to the processor.</li>
 * </ul>
 *
 * <p><b>Why {@code BYE} comes before the reading is processed.</b> The queue decouples the two
 * sides. A client should not have to wait while the processor is busy with a thousand other
 * readings; {@code BYE} means "your reading is accepted and will be counted", not "it has been
 * counted". So: validate, {@code put} on the queue, and only then answer {@code BYE} (answering
 * before the {@code put} would acknowledge a reading that may still be lost). A {@code STATS} sent
 * right after a {@code BYE} may not show that reading yet; it shows up soon after, and the grader
 * waits for it.
 *
 * <p><b>Why the processor blocks on {@code take()} instead of polling.</b> {@code take()} parks
 * the thread while the queue is empty: it uses no CPU at all and wakes up the moment a reading
 * arrives. A loop around {@code poll()} or {@code isEmpty()} keeps a whole CPU core busy doing
 * nothing (and adding {@code Thread.sleep} only trades that waste for a delay). The grader
 * measures the CPU time of an idle server.
 *
 * <p><b>How {@code STATS} reads the statistics safely.</b> The processor writes them while
 * handler threads answering {@code STATS} read them, so the reads need protection too, even
 * though only one thread writes. Reading a plain {@code HashMap} while another thread changes it
 * can throw {@code ConcurrentModificationException}, see half of an update, or never see the
 * update at all. Two good ways:
 * <ol>
 *   <li>keep the statistics in an object whose methods are all {@code synchronized} (or use a
 *       {@code Lock}): the processor updates under the lock; a {@code STATS} handler computes its
 *       answer under the same lock, releases it, and only then writes to its socket (never do
 *       socket I/O while holding a lock); or</li>
 *   <li>let the processor keep its own private map, and after each update publish an
 *       <em>immutable</em> snapshot of the answer through a {@code volatile} field or an
 *       {@code AtomicReference}; a {@code STATS} handler just reads the latest snapshot.</li>
 * </ol>
 *
 * <h2>Lines, bad clients, stopping</h2>
 * <ul>
 *   <li>Text is UTF-8; a line ends at {@code '\n'}, and a {@code '\r'} just before it is dropped
 *       (netcat on Windows and telnet send {@code "\r\n"}). Every reply line ends with
 *       {@code '\n'}. TCP is a byte stream: a line may arrive in many pieces, even one byte at a
 *       time or split inside a multi-byte character such as {@code ã}. Collect bytes up to
 *       {@code '\n'}, then decode; or use a {@code BufferedReader} over an
 *       {@code InputStreamReader} with UTF-8, whose {@code readLine()} does that for you.</li>
 *   <li>A client that leaves before finishing its line gets nothing (its half line is not a
 *       reading), and one that sends garbage, even a whole megabyte of it on one line, gets an
 *       {@code ERROR}: either way it costs that client alone. The server, and above all the
 *       processor, must keep working. The simplest way to keep the processor safe is to validate
 *       in the handler and put only valid readings on the queue.</li>
 *   <li>All state (the queue, the statistics, the processor) is created inside {@code serve},
 *       never in {@code static} fields: the grader starts a fresh server for each test.</li>
 *   <li>When the listener is closed, {@code accept()} throws: leave the accept loop, stop the
 *       processor and let {@code serve} return. Stop it by interrupting it (the interrupt makes
 *       {@code take()} throw {@code InterruptedException}) or by putting a special "stop"
 *       object (a poison pill) on the queue, and then {@code join()} it, so no thread of yours is
 *       left running. Readings still on the queue at that moment may be dropped. Handler threads
 *       may be daemon threads.</li>
 * </ul>
 *
 * <h2>What the grader checks</h2>
 * <ul>
 *   <li>the protocol above: {@code BYE}, {@code EMPTY}, the two {@code STATS} lines,
 *       {@code ERROR} for bad lines, with lines sent whole, in pieces, or with {@code "\r\n"};</li>
 *   <li>a burst of many clients sending readings at the same time, while another client is
 *       connected and has not sent anything yet: every one gets {@code BYE}, and every reading
 *       is counted in the end;</li>
 *   <li>replacing a city's reading moves hottest and coldest: when the hottest city's new
 *       reading is cooler, another city may become the hottest;</li>
 *   <li>bad input does not kill the processor: readings sent after it are still counted;</li>
 *   <li>{@code STATS} asked again and again while readings of new cities keep arriving: every
 *       answer is whole (both lines from the same moment) and never older than the one
 *       before;</li>
 *   <li>an idle server uses (almost) no CPU;</li>
 *   <li>the structure: a {@code BlockingQueue} between the handlers and exactly one processor
 *       thread, which alone updates the statistics; while the server is idle, the grader looks
 *       at its threads and expects exactly one of them waiting in that queue's {@code take()}
 *       (a {@code poll} with a timeout counts too), called from your code;</li>
 *   <li>{@code serve} returns soon after the listener is closed, leaving no processor behind.</li>
 * </ul>
 *
 * <h2>Useful classes</h2>
 * {@link java.net.ServerSocket#accept()}, {@link java.net.Socket}, {@link java.lang.Thread}
 * ({@code start}, {@code interrupt}, {@code join}),
 * {@link java.util.concurrent.BlockingQueue} with {@link java.util.concurrent.LinkedBlockingQueue}
 * or {@link java.util.concurrent.ArrayBlockingQueue} ({@code put} and {@code take}),
 * {@link java.util.HashMap}, {@code synchronized}, a {@code record} for a reading,
 * {@link java.lang.Integer#parseInt(String)}, and {@link java.nio.charset.StandardCharsets#UTF_8}.
 */
public final class QueueServer {

    /** The port {@link #main} uses when no argument is given. */
    private static final int DEFAULT_PORT = 50002;

    private QueueServer() {
    }

    /**
     * Runs the server by hand: {@code java lab.queue.QueueServer [port]}, then talk to it with
     * {@code nc localhost 50002}.
     *
     * @param args optional port (default 50002)
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("queue listening on port " + port + "; try: nc localhost " + port);
            serve(listener);
        }
    }

    /**
     * Accepts connections on {@code listener}, one handler thread (producer) per connection,
     * passes valid readings through a {@code BlockingQueue} to one processor thread (consumer),
     * and returns once the listener is closed, after stopping the processor.
     *
     * @param listener a server socket already bound by the caller; the caller closes it to stop
     *                 the server
     * @throws IOException if {@code accept()} fails for a reason other than the listener closing
     */
    public static void serve(ServerSocket listener) throws IOException {
        throw new UnsupportedOperationException("exercise 5 (queue): not implemented yet");
    }
}
