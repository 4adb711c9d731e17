package org.socklab.grader.experiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The teaching baseline of {@code socklab experiment http --compare}, and not a solution of the
 * exercise: the hello server of the course's notes <em>without threads</em>. It accepts a
 * connection, reads its request, answers and closes, and only then accepts the next one, so while
 * one request is slow to arrive every other client waits: the stall blocks everyone.
 *
 * <p>It answers every request with the hello page (it only serves the experiment's
 * {@code GET /hello}). Single-threaded by design.
 */
public final class StallBlocksEveryoneServer {
    private static final byte[] REPLY = reply();

    private StallBlocksEveryoneServer() {}

    /** Serves one connection at a time until the listener closes. */
    public static void serve(ServerSocket listener) throws IOException {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
                throw e;
            }
            try (client) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                String line = in.readLine();
                while (line != null && !line.isEmpty()) {
                    line = in.readLine();
                }
                OutputStream out = client.getOutputStream();
                out.write(REPLY);
                out.flush();
            } catch (IOException e) {
                // this client is gone; the next one is served
            }
        }
    }

    private static byte[] reply() {
        byte[] body =
                "<!DOCTYPE html>\n<html><body><h1>Hello, World!</h1></body></html>\n".getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] reply = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, reply, 0, headBytes.length);
        System.arraycopy(body, 0, reply, headBytes.length, body.length);
        return reply;
    }
}
