package lab.http;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 2 (http): a threaded HTTP server that says "Hello, World!".
 *
 * <p>You already know how to accept a connection and read lines from it. Now the lines follow
 * HTTP, the protocol of the web, so a browser, {@code curl} and Java's own {@code HttpClient}
 * can all read your page. And every connection gets its own thread.
 *
 * <h2>Try it by hand</h2>
 * Run {@code main} (port 8080 unless you pass another one), then open
 * {@code http://localhost:8080/hello} in a browser, or run {@code curl -i
 * http://localhost:8080/hello} ({@code -i} shows the status line and the headers too). To see the
 * raw protocol, type a request yourself with {@code nc localhost 8080}: type the request line,
 * press Enter, type a header or two, and press Enter once more on an empty line.
 *
 * <h2>What a request looks like on the wire</h2>
 * A request is text, one line after the other, each ending with {@code "\r\n"}:
 * <pre>
 * GET /hello?name=Ana HTTP/1.1      the request line: METHOD, space, PATH, space, VERSION
 * Host: localhost:8080              then header lines, "Name: value"
 * User-Agent: curl/8.5.0
 *                                   then an empty line: the request ends here
 * </pre>
 * The empty line matters: it is the only way the client tells you that it has finished. A
 * {@code GET} request has nothing after it. Accept lines that end with a bare {@code "\n"} too
 * (that is what you send when you type into {@code nc}): a line ends at {@code '\n'}, and a
 * {@code '\r'} just before it is dropped.
 *
 * <h2>What your reply must carry</h2>
 * <pre>
 * HTTP/1.1 200 OK                           the status line
 * Content-Type: text/html; charset=utf-8    the headers...
 * Content-Length: 175
 * Connection: close
 *                                           ...an empty line...
 * &lt;!DOCTYPE html&gt;                           ...and the body, your HTML page
 * &lt;html&gt;...&lt;h1&gt;Hello, World!&lt;/h1&gt;...&lt;/html&gt;
 * </pre>
 * <ul>
 *   <li>The status line and every header line end with {@code "\r\n"}, and an empty line
 *       ({@code "\r\n"} alone) separates the headers from the body.</li>
 *   <li>{@code Content-Type: text/html; charset=utf-8}: the body is HTML, encoded in UTF-8.</li>
 *   <li>{@code Content-Length}: the size of the body in <em>bytes</em> of its UTF-8 encoding,
 *       not in chars. {@code "Olá".length()} is 3, but "Olá" takes 4 bytes in UTF-8. Count
 *       {@code body.getBytes(StandardCharsets.UTF_8).length}. Put at least one accented letter
 *       in your page: then a wrong count shows up in your own tests before the grader finds
 *       it.</li>
 *   <li>{@code Connection: close}: you answer one request per connection, then close it
 *       (keep-alive is not part of this exercise); this header tells the client not to send
 *       another request on the same connection.</li>
 *   <li>The body: for the hello page, a small HTML page that contains {@code Hello, World!}.</li>
 * </ul>
 *
 * <h2>Which reply</h2>
 * Check the request line in this order; the first rule that applies decides the reply:
 * <ol>
 *   <li>The request line is not {@code METHOD SP PATH SP HTTP/x.y}: {@code 400 Bad Request}.
 *       That is: exactly three parts separated by single spaces, a non-empty method, a path that
 *       starts with {@code /}, and a version that is {@code HTTP/}, a digit, a dot, a digit
 *       ({@code HTTP/1.0} and {@code HTTP/1.1} are the ones you will meet). So {@code hello},
 *       {@code GET /}, {@code GET / HTTP/1.1 extra}, {@code GET hello HTTP/1.1} and an empty
 *       request line are all 400.</li>
 *   <li>The method is neither {@code GET} nor {@code HEAD}: {@code 405 Method Not Allowed}, with
 *       the extra header {@code Allow: GET, HEAD}, whatever the path ({@code POST /nowhere} is
 *       405, not 404). Methods are case-sensitive: {@code get} is not {@code GET}, so it gets
 *       405.</li>
 *   <li>The path is neither {@code /} nor {@code /hello}: {@code 404 Not Found}.</li>
 *   <li>Otherwise: {@code 200 OK} with the hello page.</li>
 * </ol>
 * <ul>
 *   <li>The query string is not part of the path: cut the path at the first {@code '?'}.
 *       {@code GET /hello?name=Ana} is the hello page. (Using the name is not asked for.)</li>
 *   <li>Paths are compared exactly, as sent: {@code /Hello}, {@code /hello/} and
 *       {@code /hello.html} are 404. No percent-decoding is asked for.</li>
 *   <li>{@code HEAD} asks for the headers only: send exactly the status line and headers that
 *       {@code GET} would get, including the same {@code Content-Length}, and no body. That holds
 *       for 404 too: {@code HEAD /nowhere} gets the 404 headers and no body.</li>
 *   <li>Every reply, errors included, carries the same three headers ({@code Content-Type},
 *       {@code Content-Length}, {@code Connection: close}) and, except for {@code HEAD}, a small
 *       HTML body that says what went wrong. A 400 always carries its body: when the request line
 *       is broken you cannot trust its method.</li>
 *   <li>Your status line always says {@code HTTP/1.1}, even when the request says
 *       {@code HTTP/1.0}.</li>
 *   <li>Headers are read but not checked: you may ignore their content, and a request without a
 *       {@code Host} header is fine. A request body (a {@code POST} may carry one) is not read:
 *       such a request gets 405 anyway.</li>
 * </ul>
 *
 * <h2>Read the whole request head before you answer</h2>
 * Read the request line, then header lines until the empty line, and only then write your reply.
 * If you answer right after the request line and close, the client is still sending its headers
 * into a connection you have closed: its writes fail ("Broken pipe", "Connection reset"), and a
 * browser may show an error page instead of yours. This applies to a 400 too: read up to the
 * empty line, then answer.
 *
 * <p>Remember that TCP is a byte stream: a request may arrive one byte at a time, or all at once
 * in a single piece, and a UTF-8 character may be split between two pieces. Collect the bytes of
 * a line up to {@code '\n'} and decode them only then. If you read through a buffer (a
 * {@code BufferedInputStream}, or a {@code BufferedReader}), create it once per connection and
 * read every line through it: a buffer may already hold bytes of the next lines.
 *
 * <p>Clients misbehave; each one must cost only its own connection, never the server:
 * <ul>
 *   <li>A client that disconnects before its empty line (or connects and sends nothing) has asked
 *       nothing: just close its connection. (Whether you answer a half request is not graded.)</li>
 *   <li>A client that resets the connection makes your read or write throw an
 *       {@code IOException}: catch it in that client's handler and close its socket.</li>
 *   <li>Garbage gets 400. A very long line (the grader sends one of 1 MiB) must not break
 *       anything either. Good practice is a limit, such as 8 KiB (8192 bytes) per line, past
 *       which you answer 400 or just close, rather than keeping a line of any length in memory.
 *       What that client gets is up to you: the grader only checks that the other clients are
 *       still served.</li>
 * </ul>
 *
 * <h2>Why one thread per connection</h2>
 * While your code waits inside {@code read()} for a client's next bytes, that thread can do
 * nothing else. If the accept loop itself read the request, one slow client (a phone on a bad
 * network, a browser that opens a connection "just in case" and sends nothing yet, or you
 * typing slowly into {@code nc}) would hold up everyone behind it. So the accept loop only
 * accepts: every connection it gets goes to a new {@link Thread} that reads the request, answers
 * and closes the socket, while the loop goes straight back to {@code accept()}. Nothing of the
 * request may be read on the accepting thread, not even the request line.
 *
 * <h2>Stopping</h2>
 * {@code serve} runs until its listener is closed: then {@code accept()} throws, and
 * {@code serve} must return (or throw) within a second or two. The grader starts a fresh server
 * on a listener it bound itself (on a free port) for each test and stops it by closing its
 * clients and then that listener, so keep all state inside {@code serve}: no static fields that
 * change. Handler threads may be daemon threads, so a forgotten one never keeps the JVM alive.
 *
 * <h2>What the grader checks</h2>
 * <ul>
 *   <li>{@code GET /} and {@code GET /hello}: status, headers, a {@code Content-Length} equal to
 *       the number of body bytes it received, and {@code Hello, World!} in the body; the same
 *       with a query string; {@code HEAD}: same headers, no body.</li>
 *   <li>404 for other paths (also with {@code HEAD}), 405 with {@code Allow: GET, HEAD} for
 *       other methods whatever the path, 400 for broken request lines, in the precedence
 *       above.</li>
 *   <li>Requests with {@code "\r\n"} or bare {@code "\n"} line endings, sent whole or in small
 *       pieces; no reply before the empty line.</li>
 *   <li>A client that sends half of its request and stalls does not delay another client; ten
 *       clients at once all get complete answers; Java's {@code HttpClient} reads the page.</li>
 *   <li>Clients that vanish, reset or send garbage do not stop the server.</li>
 * </ul>
 *
 * <h2>Hints</h2>
 * <ul>
 *   <li>{@link java.net.ServerSocket#accept()} in a loop; {@code new Thread(() -> ...).start()}
 *       for each {@link java.net.Socket} it returns.</li>
 *   <li>Reading: {@link java.io.BufferedInputStream} over the socket's input stream, bytes up to
 *       {@code '\n'} collected in a {@link java.io.ByteArrayOutputStream}, then
 *       {@code new String(bytes, StandardCharsets.UTF_8)}. {@code String.split(" ", -1)} keeps
 *       empty parts, so a double space is easy to spot.</li>
 *   <li>Writing: build the whole reply (head and body) as one {@code String}, turn it into UTF-8
 *       bytes with {@link java.nio.charset.StandardCharsets#UTF_8}, write them, flush, close.
 *       A {@code PrintWriter}'s {@code println} writes the platform's line separator
 *       ({@code "\n"} on Linux and macOS), not {@code "\r\n"}.</li>
 *   <li>Try-with-resources on the socket ({@code try (socket) { ... }}) closes it on every path,
 *       the exceptional ones included.</li>
 *   <li>Real servers also give up on a client that stays silent for too long
 *       ({@code Socket.setSoTimeout}). That is welcome but not required; if you add one, make it
 *       generous (say 30 seconds), since the grader's clients pause on purpose.</li>
 * </ul>
 *
 * <h2>Thread-safety and ownership</h2>
 * Each accepted socket belongs to exactly one handler thread: only that thread reads from it,
 * writes to it and closes it. Handler threads share nothing that changes (constant strings are
 * fine), so no lock is needed in this exercise. The listener belongs to the caller of
 * {@code serve}: do not close it yourself.
 */
public final class HelloHttpServer {

    private static final int DEFAULT_PORT = 8080;

    private HelloHttpServer() {
    }

    /**
     * Runs the server by hand: {@code java lab.http.HelloHttpServer [port]}.
     *
     * @param args optional port (default 8080)
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("http listening on port " + port + "; try: curl -i http://localhost:"
                    + port + "/hello (or open that address in a browser)");
            serve(listener);
        }
    }

    /**
     * Accepts connections on {@code listener} and answers each one's HTTP request on its own
     * thread, as described above; returns when the listener is closed.
     *
     * @param listener a bound server socket, owned by the caller
     * @throws IOException if {@code accept()} fails for a reason other than the listener closing
     */
    public static void serve(ServerSocket listener) throws IOException {
        throw new UnsupportedOperationException("exercise 2 (http): not implemented yet");
    }
}
