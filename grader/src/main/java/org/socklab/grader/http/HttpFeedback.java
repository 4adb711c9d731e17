package org.socklab.grader.http;

import java.net.URI;
import java.time.Duration;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;
import org.socklab.grader.harness.LineClient;

/**
 * Observations particular to the HTTP exercise, as named factories: what a client sent, what it
 * received (or did not) and what was expected. Wire text is quoted with {@link Shown}. Stateless.
 */
final class HttpFeedback {
    private static final MessageBundle MESSAGES = Exercise.HTTP.messages();

    private HttpFeedback() {}

    static Feedback notClosed(Request request, Duration waited, Feedback received) {
        return Feedback.of(MESSAGES, "reply.notClosed", request.shown(), waited.toSeconds(), received);
    }

    static Feedback noEmptyLine(Request request, Feedback received) {
        return Feedback.of(MESSAGES, "reply.noEmptyLine", request.shown(), received);
    }

    static Feedback wrongStatus(Request request, Feedback received, Feedback expected) {
        return Feedback.of(MESSAGES, "reply.status", request.shown(), received, expected);
    }

    static Feedback headerMissing(Request request, String name, String present) {
        return Feedback.of(MESSAGES, "reply.headerMissing", request.shown(), name, present);
    }

    static Feedback wrongHeader(Request request, String name, String received, String expected) {
        return Feedback.of(
                MESSAGES, "reply.headerWrong", request.shown(), name, Shown.text(received), Shown.text(expected));
    }

    static Feedback noHello(Request request, Feedback body) {
        return Feedback.of(MESSAGES, "reply.noHello", request.shown(), body);
    }

    static Feedback noErrorBody(Request request) {
        return Feedback.of(MESSAGES, "reply.noErrorBody", request.shown());
    }

    static Feedback contentLengthNotANumber(Request request, String value) {
        return Feedback.of(MESSAGES, "contentLength.notANumber", request.shown(), Shown.text(value));
    }

    /** No reply to a request, while the same server answered the plain request at once. */
    static Feedback answersOnlyPlainRequest(Request request, Request plain) {
        return Feedback.of(
                MESSAGES,
                "reply.onlyPlainRequest",
                LineClient.READ_TIMEOUT.toSeconds(),
                Shown.text(request.text()),
                plain.shown());
    }

    /**
     * A line of the head ended with a bare \n; {@code kind} says which: 0 the status line, 1 a
     * header line, 2 the empty line that ends the head.
     */
    static Feedback bareNewlineInHead(Request request, int kind, Feedback line) {
        return Feedback.of(MESSAGES, "reply.bareNewline", request.shown(), kind, line);
    }

    /** The body is exactly one byte longer than Content-Length says, and that byte is the \n at its end. */
    static Feedback contentLengthCountsNoNewline(Request request, long declared) {
        return Feedback.of(
                MESSAGES,
                "contentLength.trailingNewline",
                request.shown(),
                String.valueOf(declared),
                String.valueOf(declared + 1));
    }

    static Feedback wrongContentLength(Request request, long declared, int bodyBytes, int bodyChars) {
        return Feedback.of(
                MESSAGES,
                "contentLength.wrong",
                request.shown(),
                String.valueOf(declared),
                String.valueOf(bodyBytes),
                String.valueOf(bodyChars));
    }

    static Feedback headWithBody(Request request, int bytes, Feedback body) {
        return Feedback.of(MESSAGES, "head.body", request.shown(), String.valueOf(bytes), body);
    }

    static Feedback headDiffers(String target, String header, String head, String get) {
        return Feedback.of(MESSAGES, "head.differs", target, header, Shown.text(head), Shown.text(get));
    }

    static Feedback wrongAllow(Request request, String received) {
        return Feedback.of(MESSAGES, "allow.wrong", request.shown(), Shown.text(received));
    }

    static Feedback replyBeforeEmptyLine(String sent, String received) {
        return Feedback.of(MESSAGES, "early.reply", Shown.text(sent), Shown.text(received));
    }

    static Feedback stalledClientsDelayedAnother(Duration waited, String firstSent, String secondSent) {
        return Feedback.of(
                MESSAGES, "stall.delayed", waited.toSeconds(), Shown.text(firstSent), Shown.text(secondSent));
    }

    static Feedback oneOfTenDelayed(int client, Duration waited, String halfSent) {
        return Feedback.of(MESSAGES, "ten.delayed", client, waited.toSeconds(), client - 1, Shown.text(halfSent));
    }

    static Feedback notServedAfterVanished(Duration waited) {
        return Feedback.of(MESSAGES, "vanished.notServed", waited.toSeconds());
    }

    static Feedback httpClientFailed(URI uri, Throwable thrown) {
        return Feedback.of(
                MESSAGES,
                "httpClient.failed",
                uri.toString(),
                thrown.getClass().getName(),
                String.valueOf(thrown.getMessage()));
    }

    static Feedback httpClientStatus(URI uri, int status) {
        return Feedback.of(MESSAGES, "httpClient.status", uri.toString(), String.valueOf(status));
    }

    static Feedback httpClientNoHello(URI uri, String body) {
        return Feedback.of(MESSAGES, "httpClient.noHello", uri.toString(), Shown.text(body));
    }
}
