package org.socklab.grader.child;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The line channel between the grader and a child JVM it started ({@link ServerHost},
 * {@link CheckHost}), which the student's code in that child cannot reach: it is how the grader
 * learns which port a server listens on, how its {@code serve} ended, and a direct check's verdict.
 * The child's standard output and error are then pure data, never read as messages.
 *
 * <p>How it is set up, so that only the harness's own code ever holds it:
 * <ol>
 *   <li>the grader listens on 127.0.0.1, on a port the system picks, and starts the child;</li>
 *   <li>it writes {@code <port> <secret>} on the child's standard input (random, drawn here) and
 *       closes it; the secret is never on a command line, which other processes can read;</li>
 *   <li>the child's {@code main} reads that line and connects, and sends the secret back, before
 *       any class of the submission is loaded; the socket lives in local variables of the host
 *       and of this class, which student code has no reference to;</li>
 *   <li>the grader accepts exactly one connection, then closes its listener (whether or not the
 *       secret matched), so no later process or thread can connect; a wrong secret fails the
 *       start.</li>
 * </ol>
 * Lines are UTF-8 and at most {@value #MAX_LINE} bytes; longer ones are cut (see
 * {@link BoundedLineReader}). It uses the JDK only, since the child hosts use it.
 *
 * <p>Thread-safe for {@link #send} (each line is written whole); {@link #receive} belongs to one
 * reader thread.
 */
public final class ControlChannel implements AutoCloseable {
    static final int MAX_LINE = 1 << 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final OutputStream out;
    private final BoundedLineReader in;

    private ControlChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BoundedLineReader(socket.getInputStream(), MAX_LINE);
    }

    /** The grader's listener for one child, before the child is started. */
    public static Pending listen() {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            byte[] secret = new byte[16];
            RANDOM.nextBytes(secret);
            return new Pending(listener, HexFormat.of().formatHex(secret));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1 for a child's control channel", e);
        }
    }

    /** Connects the child to its grader; called by a host's {@code main} before anything else. */
    static ControlChannel connect() throws IOException {
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        String[] words =
                String.valueOf(new BoundedLineReader(stdin, 256).next()).split(" ");
        stdin.close();
        if (words.length != 2) {
            throw new IOException("no control channel given on standard input");
        }
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(words[0]));
        socket.setTcpNoDelay(true);
        ControlChannel channel = new ControlChannel(socket);
        channel.send(words[1]);
        return channel;
    }

    /** Writes one line (its {@code \n} added). Returns false if the other end is gone. */
    public boolean send(String line) {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            try {
                out.write(bytes);
                out.flush();
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** The next line, or {@code null} once the other end is gone. */
    public String receive() {
        try {
            return in.next();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    /**
     * A listener waiting for its one child. Thread-safe: {@link #close()} may come from another
     * thread (the child's exit) while {@link #accept} waits.
     */
    public static final class Pending implements AutoCloseable {
        private final ServerSocket listener;
        private final String secret;

        private Pending(ServerSocket listener, String secret) {
            this.listener = listener;
            this.secret = secret;
        }

        /** The line to write on the child's standard input. */
        public String handshake() {
            return listener.getLocalPort() + " " + secret + "\n";
        }

        /**
         * Accepts one connection within {@code deadline} and closes the listener. Returns the
         * channel, or throws {@link IOException} if none came in time, the listener was closed
         * (the child ended), or the first connection did not bring the secret.
         */
        public ControlChannel accept(Duration deadline) throws IOException {
            Socket socket = null;
            try {
                listener.setSoTimeout((int) Math.max(1, deadline.toMillis()));
                socket = listener.accept();
            } catch (SocketTimeoutException e) {
                throw new IOException("no connection within " + deadline.toSeconds() + " s", e);
            } finally {
                close();
            }
            try {
                socket.setSoTimeout((int) Math.max(1, deadline.toMillis()));
                socket.setTcpNoDelay(true);
                ControlChannel channel = new ControlChannel(socket);
                String said = channel.receive();
                if (said == null
                        || !MessageDigest.isEqual(
                                said.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                    throw new IOException("a connection without the secret");
                }
                socket.setSoTimeout(0);
                return channel;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // closed either way
            }
        }
    }
}
