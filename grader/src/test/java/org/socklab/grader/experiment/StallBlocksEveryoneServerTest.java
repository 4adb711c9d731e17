package org.socklab.grader.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sequential teaching baseline, reached through a {@link HeldListener} as in the experiment:
 * it answers the hello page, it is sequential by construction (a stalled client blocks the next
 * one until it is released), and closing the held listener ends it.
 */
class StallBlocksEveryoneServerTest {
    private static final String REQUEST = "GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private ServerSocket listener;
    private Thread serving;

    @BeforeEach
    void startTheBaselineBehindAHeldListener() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HeldListener held = new HeldListener(listener, Duration.ofMillis(1));
        serving = new Thread(
                () -> {
                    try {
                        StallBlocksEveryoneServer.serve(held);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                },
                "baseline");
        serving.setDaemon(true);
        serving.start();
    }

    @AfterEach
    void stop() throws IOException, InterruptedException {
        listener.close();
        serving.join(5000);
    }

    @Test
    void should_answer_the_hello_page_with_200() throws IOException {
        try (Socket client = connect()) {
            client.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));

            String reply = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(reply)
                    .startsWith("HTTP/1.1 200 OK\r\n")
                    .contains("Connection: close\r\n")
                    .contains("Hello, World!");
        }
    }

    @Test
    void should_keep_every_other_client_waiting_while_one_stalls() throws IOException {
        try (Socket stalled = connect();
                Socket waiting = connect()) {
            stalled.getOutputStream().write("GET /hello HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            waiting.getOutputStream().write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            waiting.setSoTimeout(500);

            assertThat(firstByte(waiting.getInputStream()))
                    .as("a reply while another client stalls")
                    .isEqualTo(-2);

            stalled.getOutputStream().write("\r\n".getBytes(StandardCharsets.US_ASCII));
            waiting.setSoTimeout(10_000);
            assertThat(new String(waiting.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void should_return_when_the_held_listener_is_closed() throws IOException, InterruptedException {
        listener.close();
        serving.join(5000);

        assertThat(serving.isAlive()).isFalse();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 10_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** The first byte of a reply, -1 at its end, or -2 when nothing came within the socket's timeout. */
    private static int firstByte(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return -2;
        }
    }
}
