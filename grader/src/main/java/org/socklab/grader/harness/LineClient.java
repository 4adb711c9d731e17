package org.socklab.grader.harness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * A test's client: sends text the way real clients do (whole lines, one byte at a time, several
 * lines at once, a character split across writes, a half-close) and reads UTF-8 lines back, or
 * the raw bytes of a reply that is not made of lines, up to the moment the server closes.
 *
 * <p>Every read has a timeout: {@link #READ_TIMEOUT} unless a shorter window is asked for, and a
 * size: a line, or a reply read until the server closes, of more than {@value #MEBIBYTES} MiB
 * ends the test with feedback that says so, never the grader's memory. Every
 * problem is reported as a {@link GradedFailure} that says what was sent and what came back (or
 * did not); when the server's {@code serve} itself has ended, that is reported instead, since it
 * is the real cause.
 *
 * <p>A read of a reply the server owes ({@link #readLine}, {@link #expectClosed}, a
 * {@link #readUntilClosed} as long as {@link #READ_TIMEOUT}), on a graded test's own thread, ends
 * before its timeout, exactly as at the timeout, once the server cannot reply ({@link ReplyWatch});
 * a window ({@link #lineWithin}) is always waited through, and counted in the test's {@link Floor}.
 *
 * <p>Replies are read exactly as sent: a stray {@code \r} is kept, so that it shows in a message.
 *
 * <p>Not thread-safe, except that one thread may {@linkplain #sendInBackground write in the
 * background} while another reads; {@link #close()} may be called from any thread.
 */
public final class LineClient implements AutoCloseable {
    /** How long a reply may take before a test gives up: generous, since a correct server pays only its latency. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The pause between two pieces of a piecewise write. It is pacing, not synchronization: it
     * makes the pieces leave as separate segments, so that a server that takes one read for one
     * line is caught; a correct server passes whatever the timing.
     */
    static final Duration PIECE_PACE = Duration.ofMillis(2);
    /** The size, in MiB, past which a line (or a reply until close) is not read further. */
    public static final int MEBIBYTES = 1;
    /**
     * The bytes a line may hold: {@value #MEBIBYTES} MiB, which a test may send and expect back,
     * plus a margin for what a server may add to it (a {@code \r}, a prefix).
     */
    public static final int MAX_BYTES = (MEBIBYTES << 20) + 1024;
    /** How long a piecewise write waits for the server to read a piece before it falls back on pacing. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(2);
    /**
     * How many pieces of a write, from the first, wait for the server's read of each; the rest are
     * paced. Each wait reads the kernel's whole socket table, which is slow on a machine with many
     * connections, and the first pieces are what a bug shows on: a server that takes one read for
     * one line answers the first piece alone, and a character split within the first sixteen bytes
     * reaches a decoder in two reads, however crowded the machine.
     */
    private static final int AWAITED_PIECES = 16;

    private final Socket socket;
    private final LineInput in;
    private final OutputStream out;
    private final Supplier<Optional<Feedback>> serverDiagnosis;
    /** The server's probe, to tell a reply that cannot come from a slow one ({@link ReplyWatch}). */
    private final ServerProbe server;
    /** The socket's read timeout as last set, in milliseconds, so that it is set only when it changes. */
    private int soTimeout;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile String lastSent = "";
    /** Whether the server's reading of this connection can still be awaited (see {@link #writeAndPace}). */
    private volatile boolean drainVisible = true;

    private LineClient(Socket socket, Supplier<Optional<Feedback>> serverDiagnosis, ServerProbe server)
            throws IOException {
        this.socket = socket;
        this.in = new LineInput(socket.getInputStream(), 1 << 16);
        this.out = socket.getOutputStream();
        this.serverDiagnosis = serverDiagnosis;
        this.server = server;
        this.soTimeout = socket.getSoTimeout();
    }

    static LineClient connect(
            InetSocketAddress address, Supplier<Optional<Feedback>> serverDiagnosis, ServerProbe server) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            socket.connect(address, (int) READ_TIMEOUT.toMillis());
            return new LineClient(socket, serverDiagnosis, server);
        } catch (IOException e) {
            closeQuietly(socket);
            throw failure(serverDiagnosis, CoreFeedback.connectFailed(e.getMessage()), e);
        }
    }

    /** Sends the text in one write. */
    public LineClient send(String text) {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8), text);
    }

    /** Sends the line and its {@code \n} in one write. */
    public LineClient sendLine(String line) {
        return send(line + "\n");
    }

    /** Sends the text's UTF-8 bytes in pieces of {@code pieceSize} bytes, one write each, paced. */
    public LineClient sendInPieces(String text, int pieceSize) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int from = 0; from < bytes.length; from += pieceSize) {
            byte[] piece = Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + pieceSize));
            writeAndPace(piece, text, from / pieceSize < AWAITED_PIECES);
        }
        return this;
    }

    /** Sends the given byte pieces, one write each, paced; e.g. a UTF-8 character split in two. */
    public LineClient sendPieces(String description, byte[]... pieces) {
        for (int i = 0; i < pieces.length; i++) {
            writeAndPace(pieces[i], description, i < AWAITED_PIECES);
        }
        return this;
    }

    /** Sends raw bytes in one write; {@code description} is how they are named in messages. */
    public LineClient sendBytes(byte[] bytes, String description) {
        lastSent = description;
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw failure(serverDiagnosis, CoreFeedback.sendFailed(description), e);
        }
        return this;
    }

    /**
     * Sends the text from another thread, for payloads large enough that a server replying while
     * it still reads could fill both directions' buffers: the test keeps reading meanwhile.
     */
    public CompletableFuture<Void> sendInBackground(String text) {
        lastSent = text;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread writer = new Thread(
                () -> {
                    try {
                        out.write(bytes);
                        out.flush();
                        done.complete(null);
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    }
                },
                "socklab-client-writer");
        writer.setDaemon(true);
        writer.start();
        return done;
    }

    /** Closes the sending side only (a half-close): the server reads end-of-stream, replies may still come. */
    public LineClient halfClose() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw failure(serverDiagnosis, CoreFeedback.sendFailed(lastSent), e);
        }
        return this;
    }

    /** The next line, without its {@code \n}, within {@link #READ_TIMEOUT}. */
    public String readLine() {
        return readLine(READ_TIMEOUT);
    }

    /** The next line, without its {@code \n}, within the given time. */
    public String readLine(Duration timeout) {
        return readLine(timeout, Duration.ZERO);
    }

    /**
     * The next line, within the given time, or longer while the server keeps computing (its CPU
     * time grows from one look to the next), up to {@code busyCap} in all: for a reply whose cost
     * depends on the machine (a line of a mebibyte read by a slow but correct reader), so that a
     * loaded machine does not turn "slow" into "never". A server that waits, or has no probe, gets
     * {@code timeout} as usual; the failure reads the same either way.
     */
    public String readLine(Duration timeout, Duration busyCap) {
        try {
            Optional<String> line = nextLine(timeout, ReplyWatch.of(server), busyCap);
            if (line.isEmpty()) {
                throw failure(serverDiagnosis, CoreFeedback.closedBeforeReply(lastSent), null);
            }
            return line.get();
        } catch (SocketTimeoutException e) {
            throw failure(serverDiagnosis, CoreFeedback.noReply(timeout, lastSent), e);
        } catch (IOException e) {
            throw failure(serverDiagnosis, CoreFeedback.resetBeforeReply(lastSent), e);
        }
    }

    /** Reads the next line and checks it is exactly {@code expected}. */
    public LineClient expectLine(String expected) {
        String received = readLine();
        if (!received.equals(expected)) {
            throw new GradedFailure(CoreFeedback.wrongReply(lastSent, expected, received));
        }
        return this;
    }

    /**
     * What arrives within a short window, for things that must not happen yet: a line, or nothing.
     * End of stream or a reset counts as "nothing arrived", and is left for the next read to report.
     */
    public Optional<String> lineWithin(Duration window) {
        long start = System.nanoTime();
        try {
            return nextLine(window, ReplyWatch.none());
        } catch (SocketTimeoutException e) {
            windowRanOut(start, window);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A wait shorter than a read's deadline that ran out is a deliberate window (nothing must
     * arrive yet), counted in the test's {@link Floor}; one as long as a read's deadline is a bound.
     */
    private static void windowRanOut(long start, Duration window) {
        if (window.compareTo(READ_TIMEOUT) < 0) {
            Waits.windowPassed(start, window);
        }
    }

    /** Waits for the server to close the connection; a line that arrives instead is a failure. */
    public void expectClosed() {
        try {
            Optional<String> line = nextLine(READ_TIMEOUT, ReplyWatch.of(server));
            if (line.isPresent()) {
                throw new GradedFailure(CoreFeedback.notClosed(READ_TIMEOUT, line.get()));
            }
        } catch (SocketTimeoutException e) {
            throw new GradedFailure(CoreFeedback.notClosed(READ_TIMEOUT, ""), e);
        } catch (SocketException e) {
            // a reset also ends the connection
        } catch (IOException e) {
            throw new GradedFailure(CoreFeedback.testError(e), e);
        }
    }

    /**
     * Everything that arrives until the server ends the connection, as raw bytes (the bytes of a
     * line already begun included), for replies that are not made of lines, such as an HTTP reply
     * and its body. A reset ends it like a close does. Waits at most {@code timeout} in all and
     * never fails: whether the connection ended in time is part of the answer, so that the caller
     * can say what a reply without a close means. More than {@value #MEBIBYTES} MiB fails the test.
     */
    public Received readUntilClosed(Duration timeout) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        received.writeBytes(pending.toByteArray());
        pending.reset();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        ReplyWatch watch = timeout.compareTo(READ_TIMEOUT) < 0 ? ReplyWatch.none() : ReplyWatch.of(server);
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    windowRanOut(start, timeout);
                    return new Received(received.toByteArray(), false);
                }
                setSoTimeout(watch.active() ? Math.min(left, ReplyWatch.LOOK.toNanos()) : left);
                int count;
                try {
                    count = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    if (System.nanoTime() - deadline < 0 && !watch.cannotReply()) {
                        continue; // only slow: look again
                    }
                    throw e;
                }
                if (count < 0) {
                    return new Received(received.toByteArray(), true);
                }
                received.write(buffer, 0, count);
                if (received.size() > MAX_BYTES) {
                    throw new GradedFailure(CoreFeedback.replyTooLong(MEBIBYTES, lastSent));
                }
            }
        } catch (SocketTimeoutException e) {
            windowRanOut(start, timeout);
            return new Received(received.toByteArray(), false);
        } catch (IOException e) {
            return new Received(received.toByteArray(), true); // reset: the connection has ended too
        }
    }

    /**
     * What {@link #readUntilClosed} got: the bytes, and whether the connection ended (closed or
     * reset) within the time. Immutable: the bytes are copied in and out.
     */
    public static final class Received {
        private final byte[] bytes;
        private final boolean closed;

        Received(byte[] bytes, boolean closed) {
            this.bytes = bytes.clone();
            this.closed = closed;
        }

        public byte[] bytes() {
            return bytes.clone();
        }

        public boolean closed() {
            return closed;
        }
    }

    /**
     * The port this client's socket is bound to on its side: how the server sees it, since a
     * server names a client by its address (the chat's {@code 127.0.0.1:50312}).
     */
    public int localPort() {
        return socket.getLocalPort();
    }

    /** What was sent last, as shown in messages. */
    public String lastSent() {
        return lastSent;
    }

    /** Resets the connection abruptly (RST), like a client that crashed. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // the close below still ends the connection
        }
        close();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private Optional<String> nextLine(Duration timeout, ReplyWatch watch) throws IOException {
        return nextLine(timeout, watch, Duration.ZERO);
    }

    private Optional<String> nextLine(Duration timeout, ReplyWatch watch, Duration busyCap) throws IOException {
        long hardDeadline = System.nanoTime() + busyCap.toNanos();
        while (true) {
            int b = read(timeout, watch, hardDeadline);
            if (b < 0) {
                return Optional.empty();
            }
            boolean ended = b == '\n';
            if (!ended) {
                pending.write(b);
                ended = in.appendBufferedLine(pending); // the rest of what came with it, in one copy
            }
            if (pending.size() > MAX_BYTES) {
                pending.reset();
                throw new GradedFailure(CoreFeedback.lineTooLong(MEBIBYTES, lastSent));
            }
            if (ended) {
                byte[] line = pending.toByteArray();
                pending.reset();
                return Optional.of(decode(line));
            }
        }
    }

    /**
     * The next byte, or -1 at end of stream, waiting at most {@code timeout} for it; a watched
     * wait looks at the server every {@link ReplyWatch#LOOK} and gives up as at the deadline once
     * the server cannot reply.
     *
     * @throws SocketTimeoutException if no byte came in time, or cannot come
     */
    private int read(Duration timeout, ReplyWatch watch, long busyDeadline) throws IOException {
        if (!watch.active()) {
            setSoTimeout(timeout.toNanos());
            return in.read();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        setSoTimeout(Math.min(timeout.toNanos(), ReplyWatch.LOOK.toNanos()));
        while (true) {
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                long now = System.nanoTime();
                if (deadline - now <= 0 && now - busyDeadline < 0 && watch.busy()) {
                    deadline = now + ReplyWatch.LOOK.toNanos(); // still computing: slow, not never
                }
                long left = deadline - now;
                if (left <= 0 || watch.cannotReply()) {
                    throw e;
                }
                setSoTimeout(Math.min(left, ReplyWatch.LOOK.toNanos()));
            }
        }
    }

    /** Sets the socket's read timeout (given in nanoseconds, at least a millisecond) if it changed. */
    private void setSoTimeout(long nanos) throws SocketException {
        int millis = (int)
                Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(nanos).toMillis()));
        if (millis != soTimeout) {
            socket.setSoTimeout(millis);
            soTimeout = millis;
        }
    }

    private String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GradedFailure(CoreFeedback.invalidUtf8(lastSent), e);
        }
    }

    /**
     * Sends one piece, then, for an awaited one ({@link #AWAITED_PIECES}), waits until the server
     * has read it ({@link ReceiveQueue}), so the next piece reaches the server in a read of its own;
     * the others are paced. Where the read cannot be seen, or the server does
     * not read within {@link #DRAIN_LIMIT} (it is busy with another client, or stuck), falls back on
     * pacing for the rest of this client's pieces.
     */
    private void writeAndPace(byte[] piece, String description, boolean awaited) {
        sendBytes(piece, description);
        if (awaited
                && drainVisible
                && ReceiveQueue.awaitDrained(socket.getPort(), socket.getLocalPort(), DRAIN_LIMIT)) {
            return;
        }
        drainVisible &= !awaited;
        try {
            Thread.sleep(PIECE_PACE.toMillis());
            FloorMeter.window(PIECE_PACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static GradedFailure failure(Supplier<Optional<Feedback>> diagnosis, Feedback observed, Throwable cause) {
        return new GradedFailure(diagnosis.get().orElse(observed), cause);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
