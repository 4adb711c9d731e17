package org.socklab.grader.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;

/**
 * A chat client on a socket of its own rather than a {@link LineClient}, for two reasons. It can
 * be given a receive buffer of a few KiB before it connects, so that the server's writes to it
 * block after a little data unless it keeps reading: the storm needs a client that does not read
 * for a while. And it reads in bulk instead of byte by byte, so the tests where many clients talk
 * at once can have a dozen clients read every line of many rounds for little CPU, leaving the
 * machine to the server.
 *
 * <p>Failures are reported with the same observations as a {@link LineClient}, and the server's
 * own diagnosis first when {@code serve} has died. Not thread-safe: one thread reads, one thread
 * at a time sends; any thread may close.
 */
final class BulkClient implements AutoCloseable {
    /** Asked of the kernel before connecting; Linux doubles it and keeps a minimum of about 2 KiB. */
    static final int SMALL_RECEIVE_BUFFER = 2048;

    private static final String NOTHING_SENT = "";

    private final RunningServer server;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] pending = new byte[256];
    private int pendingLength;

    private BulkClient(RunningServer server, Socket socket) throws IOException {
        this.server = server;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** A client with the system's usual receive buffer. */
    static BulkClient connect(RunningServer server) {
        return connect(server, false);
    }

    /** A client whose receive buffer is {@value #SMALL_RECEIVE_BUFFER} bytes. */
    static BulkClient connectWithSmallWindow(RunningServer server) {
        return connect(server, true);
    }

    private static BulkClient connect(RunningServer server, boolean smallWindow) {
        Socket socket = new Socket();
        try {
            if (smallWindow) {
                socket.setReceiveBufferSize(SMALL_RECEIVE_BUFFER);
            }
            socket.setSoTimeout((int) LineClient.READ_TIMEOUT.toMillis());
            socket.connect(server.address(), (int) LineClient.READ_TIMEOUT.toMillis());
            return new BulkClient(server, socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw failure(server, CoreFeedback.connectFailed(e.getMessage()), e);
        }
    }

    /** Sends the bytes in one write; {@code description} is how they are named in messages. */
    void send(byte[] bytes, String description) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw failure(server, CoreFeedback.sendFailed(description), e);
        }
    }

    /** The next line, without its {@code \n}, within {@code timeout}. */
    String readLine(Duration timeout) {
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            while (true) {
                if (position == limit) {
                    int count = in.read(buffer);
                    if (count < 0) {
                        throw failure(server, CoreFeedback.closedBeforeReply(NOTHING_SENT), null);
                    }
                    position = 0;
                    limit = count;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                append(start, position);
                if (position < limit) {
                    position++; // the '\n'
                    String line = decode();
                    pendingLength = 0;
                    return line;
                }
            }
        } catch (SocketTimeoutException e) {
            throw failure(server, CoreFeedback.noReply(timeout, NOTHING_SENT), e);
        } catch (IOException e) {
            throw failure(server, CoreFeedback.resetBeforeReply(NOTHING_SENT), e);
        }
    }

    private void append(int from, int to) {
        int count = to - from;
        if (pendingLength + count > LineClient.MAX_BYTES) {
            pendingLength = 0;
            throw new GradedFailure(CoreFeedback.lineTooLong(LineClient.MEBIBYTES, NOTHING_SENT));
        }
        if (pendingLength + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + count));
        }
        System.arraycopy(buffer, from, pending, pendingLength, count);
        pendingLength += count;
    }

    private String decode() {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending, 0, pendingLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new GradedFailure(CoreFeedback.invalidUtf8(NOTHING_SENT), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static GradedFailure failure(RunningServer server, Feedback observed, Throwable cause) {
        return new GradedFailure(server.diagnosis().orElse(observed), cause);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // best effort
        }
    }
}
