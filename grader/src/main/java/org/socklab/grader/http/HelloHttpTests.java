package org.socklab.grader.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.Departures;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Servers;
import org.socklab.grader.harness.Waits;

/**
 * Exercise 2, http: a threaded HTTP server that says hello.
 *
 * <p>Each test checks one behaviour and reads the rest of the reply leniently, so that one mistake
 * costs its own test only: replies are read up to the moment the server closes the connection,
 * only {@link #countsContentLengthInBytes} compares the body with its {@code Content-Length}, and
 * only {@link #answersGetWithTheHelloPage} requires the head's lines to end with {@code \r\n}.
 * Requests are sent whole, in one write, except where the way they arrive is the point.
 *
 * <p>Concurrency is proved without timing ratios. Clients that stall are clients that have sent
 * part of their request; the client that must not be delayed gets the usual 10 s deadline, which a
 * correct server never comes near. The only must-not-happen window is the one second in which no
 * reply may arrive before the request's empty line. The test methods are public so that a
 * template class in another package inherits them.
 *
 * <p>Each test runs on JUnit's thread with servers and clients of its own; the tests share nothing
 * but constants.
 */
@GradedExercise(Exercise.HTTP)
public class HelloHttpTests {
    private static final Request GET_HELLO = Request.of("GET", "/hello");

    /**
     * The page and its head as the contract words them, line endings included: a head written
     * with {@code println} (a bare {@code \n} on Linux) loses this test, after the status and the
     * headers are judged, so that its message names the line ending and nothing else.
     */
    @Test
    @Points(1)
    public void answersGetWithTheHelloPage(Servers servers) {
        RunningServer server = servers.start();
        for (String target : List.of("/", "/hello")) {
            Reply reply = HttpWire.exchange(server, Request.of("GET", target)).expectHelloPage();
            String type = reply.requireHeader("Content-Type");
            String normalized = type.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
            if (!normalized.equals("text/html;charset=utf-8")) {
                throw new GradedFailure(
                        HttpFeedback.wrongHeader(reply.request(), "Content-Type", type, "text/html; charset=utf-8"));
            }
            reply.contentLength();
            if (!reply.tokens("Connection", true).contains("close")) {
                throw new GradedFailure(HttpFeedback.wrongHeader(
                        reply.request(), "Connection", reply.requireHeader("Connection"), "close"));
            }
            reply.expectCrlfLineEnds();
        }
    }

    @Test
    @Points(1)
    public void countsContentLengthInBytes(Servers servers) {
        RunningServer server = servers.start();
        for (String target : List.of("/", "/hello")) {
            Reply reply = HttpWire.exchange(server, Request.of("GET", target)).expectHelloPage();
            long declared = reply.contentLength();
            byte[] body = reply.body();
            boolean countedChars = declared == reply.bodyText().length();
            if (body.length == declared + 1 && body[body.length - 1] == '\n' && !countedChars) {
                throw new GradedFailure(HttpFeedback.contentLengthCountsNoNewline(reply.request(), declared));
            }
            if (declared != body.length) {
                throw new GradedFailure(HttpFeedback.wrongContentLength(
                        reply.request(), declared, body.length, reply.bodyText().length()));
            }
        }
    }

    @Test
    @Points(1)
    public void answersHeadWithHeadersOnly(Servers servers) {
        RunningServer server = servers.start();
        for (String target : List.of("/", "/hello")) {
            Reply get = HttpWire.exchange(server, Request.of("GET", target)).expectHelloPage();
            Reply head = HttpWire.exchange(server, Request.of("HEAD", target)).expectStatus("HTTP/1.1 200 OK");
            for (String header : List.of("Content-Type", "Content-Length", "Connection")) {
                String fromHead = head.requireHeader(header);
                String fromGet = get.header(header).orElse("");
                if (!fromHead.equals(fromGet)) {
                    throw new GradedFailure(HttpFeedback.headDiffers(target, header, fromHead, fromGet));
                }
            }
            head.expectNoBody();
        }
    }

    @Test
    @Points(1)
    public void ignoresTheQueryString(Servers servers) {
        RunningServer server = servers.start();
        for (String target : List.of("/hello?name=Ana", "/?lang=pt-BR")) {
            HttpWire.exchange(server, Request.of("GET", target)).expectHelloPage();
        }
    }

    @Test
    @Points(1)
    public void answersUnknownPathsWith404(Servers servers) {
        RunningServer server = servers.start();
        for (String target : List.of("/nowhere", "/Hello", "/hello/", "/hello.html")) {
            Reply reply = HttpWire.exchange(server, Request.of("GET", target)).expectStatus("HTTP/1.1 404 Not Found");
            if (reply.body().length == 0) {
                throw new GradedFailure(HttpFeedback.noErrorBody(reply.request()));
            }
        }
        HttpWire.exchange(server, Request.of("HEAD", "/nowhere"))
                .expectStatus("HTTP/1.1 404 Not Found")
                .expectNoBody();
    }

    @Test
    @Points(1)
    public void answersOtherMethodsWith405(Servers servers) {
        RunningServer server = servers.start();
        List<Request> requests = List.of(
                Request.of("DELETE", "/hello"),
                Request.of("POST", "/"),
                Request.of("get", "/hello"),
                Request.of("PUT", "/nowhere"));
        for (Request request : requests) {
            Reply reply = HttpWire.exchange(server, request).expectStatus("HTTP/1.1 405 Method Not Allowed");
            List<String> allowed = reply.tokens("Allow", false);
            if (allowed.size() != 2 || !allowed.containsAll(List.of("GET", "HEAD"))) {
                throw new GradedFailure(HttpFeedback.wrongAllow(request, reply.requireHeader("Allow")));
            }
        }
    }

    @Test
    @Points(1)
    public void answersMalformedRequestLinesWith400(Servers servers) {
        RunningServer server = servers.start();
        List<String> malformed = List.of(
                "hello",
                "GET /",
                "GET / HTTP/1.1 extra",
                "GET hello HTTP/1.1",
                "GET  /hello HTTP/1.1",
                "GET /hello FTP/1.1",
                "DELETE nowhere HTTP/1.1");
        for (String requestLine : malformed) {
            HttpWire.exchange(server, Request.line(requestLine)).expectStatus("HTTP/1.1 400 Bad Request");
        }
    }

    @Test
    @Points(1)
    public void understandsBareNewlines(Servers servers) {
        HttpWire.exchange(servers.start(), GET_HELLO.withBareNewlines()).expectHelloPage();
    }

    @Test
    @Points(1)
    public void repliesOnlyAfterTheEmptyLine(Servers servers) {
        RunningServer server = servers.start();
        Request request = Request.of("GET", "/hello");
        String unfinished = request.requestLine() + "\r\nHost: localhost\r\nAccept: text/html\r\n";
        try (LineClient client = server.connect()) {
            try {
                client.sendInPieces(unfinished, 1);
            } catch (GradedFailure sendFailed) {
                throw earlyReplyOr(server, client, unfinished, sendFailed);
            }
            Optional<String> early = client.lineWithin(Waits.WINDOW);
            if (early.isPresent()) {
                throw new GradedFailure(
                        HttpFeedback.replyBeforeEmptyLine(unfinished, withoutCarriageReturn(early.get())));
            }
            client.send("\r\n");
            HttpWire.read(server, client, request).expectHelloPage();
        }
    }

    @Test
    @Points(2)
    public void stalledClientsDoNotDelayOthers(Servers servers) {
        RunningServer server = servers.start();
        String inRequestLine = GET_HELLO.firstPart(8);
        String inHeaders = GET_HELLO.requestLine() + "\r\nHost: loc";
        LineClient first = server.connect().send(inRequestLine);
        LineClient second = server.connect().send(inHeaders);
        try (LineClient third = server.connect()) {
            third.send(GET_HELLO.text());
            HttpWire.read(
                            server,
                            third,
                            GET_HELLO,
                            () -> HttpFeedback.stalledClientsDelayedAnother(
                                    LineClient.READ_TIMEOUT, inRequestLine, inHeaders))
                    .expectHelloPage();
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    @Points(1)
    public void servesTenClientsAtOnce(Servers servers) {
        RunningServer server = servers.start();
        int half = 8;
        String halfSent = GET_HELLO.firstPart(half);
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                clients.add(server.connect().send(halfSent));
            }
            for (int number = 10; number >= 1; number--) {
                LineClient client = clients.get(number - 1);
                client.send(GET_HELLO.rest(half));
                int finished = number;
                HttpWire.read(
                                server,
                                client,
                                GET_HELLO,
                                () -> HttpFeedback.oneOfTenDelayed(finished, LineClient.READ_TIMEOUT, halfSent))
                        .expectHelloPage();
                client.close();
            }
        } finally {
            clients.forEach(LineClient::close);
        }
    }

    @Test
    @Points(1)
    public void javaHttpClientReadsThePage(Servers servers) throws InterruptedException {
        RunningServer server = servers.start();
        InetSocketAddress address = server.address();
        URI uri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/hello");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(LineClient.READ_TIMEOUT).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(LineClient.READ_TIMEOUT)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw HttpWire.failure(server, HttpFeedback.httpClientFailed(uri, e));
        } finally {
            closeIfPossible(http);
        }
        if (response.statusCode() != 200) {
            throw new GradedFailure(HttpFeedback.httpClientStatus(uri, response.statusCode()));
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (!body.contains(Reply.HELLO)) {
            throw new GradedFailure(HttpFeedback.httpClientNoHello(uri, body));
        }
    }

    @Test
    @Points(1)
    public void survivesClientsThatVanishMidRequest(Servers servers) {
        RunningServer server = servers.start();
        server.connect().send(GET_HELLO.firstPart(8)).reset();
        server.connect().send(GET_HELLO.requestLine() + "\r\nHost: loc").close();
        server.connect().close();
        server.connect().sendBytes(new byte[] {(byte) 0xFF, 0, (byte) 0xFE, '\r', '\n', '\r', '\n'}, "garbage");
        server.connect().sendInBackground("a".repeat(1 << 20) + "\r\n\r\n");
        try (LineClient client = server.connect()) {
            client.send(GET_HELLO.text());
            HttpWire.read(server, client, GET_HELLO, () -> HttpFeedback.notServedAfterVanished(LineClient.READ_TIMEOUT))
                    .expectHelloPage();
        }
    }

    @Test
    @Points(1)
    public void usesNoCpuOnceClientsLeaveWithoutARequest(Servers servers) {
        RunningServer server = servers.start();
        Departures.requireIdleAfterClientsLeave(
                server,
                GET_HELLO.firstPart(8),
                false,
                () -> HttpWire.exchange(server, GET_HELLO).expectHelloPage(),
                Exercise.HTTP.messages());
    }

    /**
     * A send failed while the request was still unfinished: a reply that already arrived is the
     * real story (the server answered early and closed); otherwise the failure stands.
     */
    private static GradedFailure earlyReplyOr(
            RunningServer server, LineClient client, String unfinished, GradedFailure sendFailed) {
        if (server.diagnosis().isPresent()) {
            return sendFailed;
        }
        byte[] received = client.readUntilClosed(Waits.WINDOW).bytes();
        if (received.length == 0) {
            return sendFailed;
        }
        String text = new String(received, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return new GradedFailure(HttpFeedback.replyBeforeEmptyLine(
                unfinished, withoutCarriageReturn(newline < 0 ? text : text.substring(0, newline))));
    }

    private static String withoutCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** {@code HttpClient} can be closed since JDK 21; on JDK 17 its threads end once it is unreachable. */
    private static void closeIfPossible(HttpClient http) {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new GradedFailure(CoreFeedback.testError(e), e);
            }
        }
    }
}
