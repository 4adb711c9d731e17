package org.socklab.grader.http;

import java.util.function.Supplier;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Waits;

/**
 * One HTTP exchange over a {@link LineClient}: send a request, read the reply up to the moment
 * the server closes the connection (the contract asks for {@code Connection: close}, so the close
 * is what ends a reply; the body is not cut at {@code Content-Length}, which only one test judges).
 *
 * <p>Every failure names what was observed; when the server's {@code serve} itself has ended, that
 * is reported instead, since it is the real cause. Stateless.
 */
final class HttpWire {
    private HttpWire() {}

    /** The request a server that answers anything answers: the one a browser sends for the home page. */
    private static final Request PLAIN = Request.of("GET", "/");

    /** Sends the request on a new connection and returns the reply. */
    static Reply exchange(RunningServer server, Request request) {
        try (LineClient client = server.connect()) {
            client.send(request.text());
            return read(server, client, request, () -> silence(server, request));
        }
    }

    /**
     * Why a request got no reply at all. When the same server answers the plainest request (with the
     * same line endings) at once, on another connection, it is waiting for something else than what
     * was sent: one exact request line, say. Otherwise it is just silent.
     */
    private static Feedback silence(RunningServer server, Request request) {
        Feedback silent = CoreFeedback.noReply(LineClient.READ_TIMEOUT, request.text());
        boolean bare = !request.text().contains("\r\n");
        Request plain = bare ? PLAIN.withBareNewlines() : PLAIN;
        if (request.text().equals(plain.text())) {
            return silent;
        }
        try (LineClient control = server.connect()) {
            control.send(plain.text());
            LineClient.Received received = control.readUntilClosed(Waits.WINDOW);
            return received.bytes().length > 0 ? HttpFeedback.answersOnlyPlainRequest(request, plain) : silent;
        } catch (GradedFailure e) {
            return silent;
        }
    }

    /** The reply to a request already sent on this client. */
    static Reply read(RunningServer server, LineClient client, Request request) {
        return read(server, client, request, () -> CoreFeedback.noReply(LineClient.READ_TIMEOUT, request.text()));
    }

    /**
     * The reply to a request already sent on this client; {@code whenSilent} says what it means
     * when nothing at all arrives within {@link LineClient#READ_TIMEOUT}.
     */
    static Reply read(RunningServer server, LineClient client, Request request, Supplier<Feedback> whenSilent) {
        LineClient.Received received = client.readUntilClosed(LineClient.READ_TIMEOUT);
        byte[] bytes = received.bytes();
        if (!received.closed()) {
            throw failure(
                    server,
                    bytes.length == 0
                            ? whenSilent.get()
                            : HttpFeedback.notClosed(request, LineClient.READ_TIMEOUT, Reply.text(bytes)));
        }
        if (bytes.length == 0) {
            throw failure(server, CoreFeedback.closedBeforeReply(request.text()));
        }
        return Reply.parse(request, bytes);
    }

    /** A failure for the observation ({@code ServerExtension} reports the end of {@code serve} instead, if it has ended). */
    static GradedFailure failure(RunningServer server, Feedback observed) {
        return new GradedFailure(observed);
    }
}
