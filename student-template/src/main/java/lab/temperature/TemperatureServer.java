package lab.temperature;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 4 (temperature): many clients, one shared store, one lock.
 *
 * <p>Weather stations connect, send the day's reading for their city and leave; other clients
 * connect and ask for a city's latest reading. As in exercise 2, every connection gets its own
 * thread, and this time all those threads share one {@link TemperatureStore}. The socket part
 * should feel familiar by now: the lesson is the store, a plain map that many threads use at the
 * same time and that only a lock keeps correct. Read the Javadoc of {@link TemperatureStore}
 * before you start.
 *
 * <h2>The protocol</h2>
 *
 * <p>One line in, one line out, then the server closes the connection. Lines are UTF-8 and end
 * with {@code \n}; a {@code \r} just before the {@code \n} is dropped (telnet and Windows netcat
 * send {@code \r\n}).
 * <ul>
 *   <li>{@code <city>,<max>,<min>} records a reading and the server answers {@code BYE}. The
 *       newest reading of a city replaces the older one.</li>
 *   <li>{@code GET <city>} is answered with {@code <city>,<max>,<min>} of that city's latest
 *       reading, or {@code NONE} if no reading was ever recorded for it.</li>
 *   <li>Anything else, and any reading that breaks the rules below, is answered with
 *       {@code ERROR <reason>}, and nothing is stored.</li>
 * </ul>
 *
 * <p>An example, with four connections ({@code >} is what you type, {@code <} what the server
 * answers before it hangs up):
 * <pre>
 * $ nc localhost 50001
 * &gt; S&atilde;o Paulo,31,19
 * &lt; BYE
 * $ nc localhost 50001
 * &gt; GET S&atilde;o Paulo
 * &lt; S&atilde;o Paulo,31,19
 * $ nc localhost 50001
 * &gt; Recife,24,29
 * &lt; ERROR max must be &gt;= min
 * $ nc localhost 50001
 * &gt; GET Recife
 * &lt; NONE
 * </pre>
 *
 * <h2>The rules in detail</h2>
 *
 * <p>The exercise statement leaves some cases open; this is how this course decides them, and
 * the grader and the reference solution follow these rules.
 * <ul>
 *   <li><b>Reading or query?</b> First ignore the spaces at both ends of the line
 *       ({@link String#trim()}). A line that contains a comma is a reading. Otherwise, a line that
 *       starts with {@code GET} in capitals followed by a space is a query. Everything else
 *       (an empty line, {@code hello}, {@code get Recife} in lower case, a bare {@code GET}) is
 *       answered with {@code ERROR expected <city>,<max>,<min> or GET <city>}.</li>
 *   <li><b>Fields of a reading.</b> Exactly three fields separated by commas, and each field is
 *       trimmed: <code>S&atilde;o Paulo , 31 , 19</code> is the same reading as
 *       <code>S&atilde;o Paulo,31,19</code>. Two or four fields, such as {@code Recife,30} or
 *       {@code Recife,30,20,10}, get the same {@code ERROR expected ...} reply as above.</li>
 *   <li><b>City.</b> Must not be empty after trimming ({@code ERROR empty city}). Only the ends are
 *       trimmed: inner spaces stay (<code>S&atilde;o Paulo</code>,
 *       <code>Jo&atilde;o Pessoa</code>). Names are compared exactly as Java strings:
 *       {@code recife} and {@code Recife} are two different cities, and accents are not
 *       folded.</li>
 *   <li><b>Max and min.</b> Whole numbers that fit in an {@code int}, with an optional sign
 *       ({@code -3}, {@code +5}); anything else, such as {@code 30.5}, {@code 30C} or an empty
 *       field, is answered with {@code ERROR max is not an integer} (or {@code min}). The
 *       maximum may equal the minimum, but not be below it: {@code ERROR max must be >= min}.
 *       The checks run in this order (city, max, min, max &gt;= min) and the first failure is
 *       the reply.</li>
 *   <li><b>GET.</b> The city is everything after {@code GET }, trimmed, and the reply shows the
 *       city as it was stored (trimmed too): after the reading {@code "  Recife  ,31,24"}, the
 *       query {@code "GET   Recife  "} is answered with {@code Recife,31,24}. A city never
 *       recorded is answered with {@code NONE}.</li>
 *   <li><b>Error reasons.</b> The reason after {@code ERROR } is for the person at the keyboard;
 *       the grader only checks that the reply starts with {@code ERROR } and that nothing was
 *       stored. Still, keep the reasons short and helpful, like the ones above.</li>
 *   <li><b>No line at all.</b> A client that closes without sending anything gets no reply; the
 *       server just closes its side. (A last line without {@code \n} may be answered or dropped:
 *       that is not graded.)</li>
 * </ul>
 *
 * <h2>What makes it hard</h2>
 *
 * <p>Hundreds of stations may report at the same moment, on hundreds of threads, while other
 * clients read. Without a lock the shared map silently loses cities or mixes the maximum of one
 * reading with the minimum of another, and this only shows up now and then, under load: exactly
 * the kind of bug that passes a test by hand with netcat. Bad input in the middle of all this must
 * store nothing and must never leave the lock held.
 *
 * <h2>What the grader checks</h2>
 * <ul>
 *   <li>The protocol above, one request per connection, over real sockets (including lines that
 *       arrive in small pieces, {@code \r\n} endings, and city names such as
 *       <code>S&atilde;o Paulo</code> whose characters arrive split across writes).</li>
 *   <li>Hundreds of concurrent writers over a few cities: no city is lost and every stored reading
 *       is one that some client really sent (never a torn one).</li>
 *   <li>Concurrent readers only ever see whole readings.</li>
 *   <li>Bad lines in the middle of the load change nothing and block nobody.</li>
 *   <li>The same, on {@link TemperatureStore} called directly, where a race is not left to
 *       chance: the grader holds one call inside the store's map and watches what a second call
 *       does (it must wait for the lock; it must not get in between the two halves of an
 *       update), and a look at the store's code checks that {@code record} and {@code get} take
 *       a lock that is a field of the store, or are {@code synchronized}.</li>
 * </ul>
 *
 * <h2>Hints</h2>
 * <ul>
 *   <li>{@code serve} creates <em>one</em> {@link TemperatureStore} and passes it to every handler.
 *       Then it loops on {@link ServerSocket#accept()} and starts a {@link Thread} per client
 *       (making it a daemon thread is fine).</li>
 *   <li>Read the line with a {@link java.io.BufferedReader} over an
 *       {@link java.io.InputStreamReader} built with
 *       {@link java.nio.charset.StandardCharsets#UTF_8}: {@code readLine()} frames lines for you, even when they arrive in pieces. It returns
 *       {@code null} when the client closed without sending a line.</li>
 *   <li>Write the reply through an {@link java.io.OutputStreamWriter} in UTF-8, ending it with
 *       {@code "\n"} yourself (not {@code println}, whose line ending depends on the operating
 *       system), and {@code flush()} before closing.</li>
 *   <li>{@code line.split(",", -1)} keeps empty fields; {@link Integer#parseInt(String)} throws
 *       {@link NumberFormatException} for text that is not a whole number.</li>
 *   <li>Validate the whole reading <em>before</em> calling {@link TemperatureStore#record}: the
 *       store trusts its callers, and the less happens while a lock is held, the better.</li>
 *   <li>Close every client socket when you are done with it, on every path (try-with-resources),
 *       and catch {@link IOException} per client: one broken client must never stop the
 *       server.</li>
 *   <li>When the listener is closed, {@code accept()} throws a
 *       {@link java.net.SocketException}: that is the signal to return from {@code serve}.</li>
 * </ul>
 *
 * <h2>Thread safety and ownership</h2>
 *
 * <p>The store is shared by all handler threads and must protect itself (see
 * {@link TemperatureStore}). Each handler thread owns its client socket: nobody else reads,
 * writes or closes it. Keep every piece of state inside the {@code serve} call (no static fields
 * that change), so that the grader can start a fresh server for every test.
 */
public final class TemperatureServer {

    /** The port {@link #main} uses when no argument is given. */
    public static final int DEFAULT_PORT = 50001;

    private TemperatureServer() {
    }

    /**
     * Runs the server by hand: binds {@code args[0]} (or {@value #DEFAULT_PORT}) and serves until
     * you press Ctrl+C. Try it with {@code nc localhost 50001}.
     *
     * @param args optional port number
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("temperature listening on port " + port
                    + "; try: nc localhost " + port + " and type Recife,31,24 or GET Recife");
            serve(listener);
        }
    }

    /**
     * Accepts connections on {@code listener} until it is closed, and serves each one on its own
     * thread, all of them sharing one new {@link TemperatureStore}.
     *
     * @param listener a server socket that the caller already bound; closing it must make this
     *     method return
     * @throws IOException if accepting fails for another reason than the listener being closed
     */
    public static void serve(ServerSocket listener) throws IOException {
        throw new UnsupportedOperationException("exercise 4 (temperature): not implemented yet");
    }
}
