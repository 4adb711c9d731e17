package lab.echocaps;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Exercise 1, echocaps: a server that answers every line with the same line in upper case.
 *
 * <h2>The protocol</h2>
 * A client connects and sends lines of UTF-8 text, each ending with {@code '\n'}. For every line,
 * the server sends back the same line in upper case, also ending with {@code '\n'} alone (not
 * {@code "\r\n"}, which {@code println} sends on Windows), and flushes it. The connection stays
 * open for as many lines as the client wants; when the client closes its side, the server closes
 * the connection and accepts the next client. Try it by hand:
 * <pre>
 * $ nc localhost 9090
 * hello, ação
 * HELLO, AÇÃO
 * (an empty line)
 * (an empty line back)
 * </pre>
 *
 * <h2>What makes it harder than it looks</h2>
 * <ul>
 *   <li>TCP carries a stream of bytes, not messages. One {@code read} may return half a line, or
 *       three lines at once, or one byte. Collect bytes until you see {@code '\n'}; only then is the
 *       line complete.</li>
 *   <li>Letters such as {@code ç} take two bytes in UTF-8, and those two bytes may arrive in
 *       different reads. Decode the bytes of a whole line, not each piece.</li>
 *   <li>telnet and Windows clients end lines with {@code "\r\n"}: drop a {@code '\r'} that stands
 *       right before the {@code '\n'}.</li>
 *   <li>Use {@code line.toUpperCase(Locale.ROOT)} and {@link java.nio.charset.StandardCharsets#UTF_8}
 *       explicitly: the platform's defaults differ from machine to machine.</li>
 *   <li>A client may send a line of a megabyte, stop sending and wait for its replies
 *       ({@code shutdownOutput}), or vanish in the middle of a line. None of that may stop the
 *       server: catch the {@link IOException} of that one client, close its socket, and go back to
 *       {@code accept()}.</li>
 * </ul>
 * One client at a time is fine for this exercise: threads come in exercise 2.
 *
 * <h2>How it is graded (10 points)</h2>
 * One line; many lines on one connection, empty ones included; a line sent one byte at a time;
 * several lines in one write; a character split across writes; {@code "\r\n"}; a 1 MiB line; a
 * client that half-closes; ten clients in a row; a client that vanishes mid-line. The grader binds
 * the listener itself (on 127.0.0.1, a free port) and calls {@link #serve}; to stop your server it
 * closes its clients and then the listener, and {@code serve} must then return.
 *
 * <p>Hints: {@link java.io.BufferedInputStream} and a {@link java.io.ByteArrayOutputStream} per
 * line, or a {@link java.io.BufferedReader} over an {@link java.io.InputStreamReader} with UTF-8
 * (its {@code readLine} also drops a {@code '\r'}); {@link java.io.OutputStream#write(byte[])}
 * then {@code flush()} for each reply.
 */
public class EchoCapsServer {

    /** The port {@link #main} listens on when none is given. */
    public static final int DEFAULT_PORT = 9090;

    /**
     * Accepts clients on {@code listener}, one after another, and answers each of their lines in
     * upper case. Returns (or throws) once {@code listener} has been closed.
     *
     * @param listener a server socket that is already bound; do not bind or close another one
     * @throws IOException if accepting fails because the listener was closed
     */
    public static void serve(ServerSocket listener) throws IOException {
        throw new UnsupportedOperationException("exercise 1 (echocaps): not implemented yet");
    }

    /** Runs the server by hand: {@code java lab.echocaps.EchoCapsServer [port]}. */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        try (ServerSocket listener = new ServerSocket(port)) {
            System.out.println("echocaps listening on port " + port + "; try: nc localhost " + port);
            serve(listener);
        }
    }
}
