package org.socklab.cli.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One request of the experiment: connect, send {@code GET /hello}, read the reply until the server
 * closes (one request per connection, as the exercise asks), and check that it is {@code 200}.
 * Every wait is bounded; at most {@value #MAX_REPLY} bytes of a reply are read.
 *
 * <p>Stateless and thread-safe.
 */
final class HelloExchange {
    /** The longest any one connect or read waits, whatever the case's deadline. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    static final int MAX_REPLY = 1 << 20;
    private static final byte[] REQUEST = ("GET /hello HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: socklab-experiment"
                    + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private HelloExchange() {}

    /** Whether one request got a whole {@code 200} reply before {@code deadline} ({@link System#nanoTime}). */
    static boolean exchange(InetSocketAddress address, long deadline) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(address, waitUntil(deadline));
            socket.setSoTimeout(waitUntil(deadline));
            socket.getOutputStream().write(REQUEST);
            socket.getOutputStream().flush();
            return isOk(readAll(socket.getInputStream()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static int waitUntil(long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new IOException("out of time");
        }
        return (int) Math.min(left, MAX_WAIT.toMillis());
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (reply.size() + read > MAX_REPLY) {
                throw new IOException("reply too long");
            }
            reply.write(buffer, 0, read);
        }
        return reply.toByteArray();
    }

    private static boolean isOk(byte[] reply) {
        String head = new String(reply, 0, Math.min(reply.length, 32), StandardCharsets.ISO_8859_1);
        return head.startsWith("HTTP/1.") && head.length() >= 12 && head.startsWith(" 200", 8);
    }
}
