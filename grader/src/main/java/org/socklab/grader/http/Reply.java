package org.socklab.grader.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Shown;

/**
 * An HTTP reply as received: the status line, the headers, and the body as raw bytes, everything
 * that came after the empty line until the server closed the connection.
 *
 * <p>The head is parsed leniently, so that each test judges only its own behaviour: a line ends
 * at {@code \n} with or without {@code \r}, header names are compared ignoring case and values are
 * trimmed; which head line first ended with a bare {@code \n} is kept for the one test that judges
 * line endings. The checks throw a {@link GradedFailure} that names the request and what was received.
 *
 * <p>Immutable.
 */
final class Reply {
    static final String HELLO = "Hello, World!";

    private final Request request;
    private final String statusLine;
    private final List<Header> headers;
    private final byte[] body;
    /** The number of the first head line (0: the status line) that ended with a bare \n, or -1. */
    private final int bareLine;
    /** That line, without its end, or "" when there is none. */
    private final String bareLineText;

    private Reply(
            Request request, String statusLine, List<Header> headers, byte[] body, int bareLine, String bareLineText) {
        this.request = request;
        this.statusLine = statusLine;
        this.headers = List.copyOf(headers);
        this.body = body;
        this.bareLine = bareLine;
        this.bareLineText = bareLineText;
    }

    /** Splits the bytes of a whole reply at its first empty line. */
    static Reply parse(Request request, byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int position = 0;
        int bareLine = -1;
        String bareLineText = "";
        while (true) {
            int newline = indexOf(bytes, (byte) '\n', position);
            if (newline < 0) {
                throw new GradedFailure(HttpFeedback.noEmptyLine(request, text(bytes)));
            }
            int end = newline > position && bytes[newline - 1] == '\r' ? newline - 1 : newline;
            String line = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            position = newline + 1;
            if (end == newline && bareLine < 0) {
                bareLine = lines.size();
                bareLineText = line;
            }
            if (line.isEmpty() && !lines.isEmpty()) {
                break;
            }
            lines.add(line);
        }
        List<Header> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new Header(
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()));
            }
        }
        byte[] body = new byte[bytes.length - position];
        System.arraycopy(bytes, position, body, 0, body.length);
        return new Reply(request, lines.get(0), headers, body, bareLine, bareLineText);
    }

    Request request() {
        return request;
    }

    String statusLine() {
        return statusLine;
    }

    /** The value of the first header with this name, ignoring case. */
    Optional<String> header(String name) {
        return headers.stream()
                .filter(header -> header.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst();
    }

    /** The value of the header, or a failure that lists the headers received. */
    String requireHeader(String name) {
        return header(name)
                .orElseThrow(() -> new GradedFailure(HttpFeedback.headerMissing(
                        request,
                        name,
                        headers.isEmpty()
                                ? "-"
                                : headers.stream().map(Header::name).collect(Collectors.joining(", ")))));
    }

    /** The value of {@code Content-Length} as a number, or a failure. */
    long contentLength() {
        String value = requireHeader("Content-Length");
        try {
            long length = Long.parseLong(value);
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GradedFailure(HttpFeedback.contentLengthNotANumber(request, value));
    }

    byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8, with any malformed byte replaced (the byte count is judged elsewhere). */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The status line is exactly this one. */
    Reply expectStatus(String expected) {
        if (!statusLine.equals(expected)) {
            throw new GradedFailure(HttpFeedback.wrongStatus(request, Shown.text(statusLine), Shown.text(expected)));
        }
        return this;
    }

    /** {@code 200 OK} and a body that says hello. */
    Reply expectHelloPage() {
        expectStatus("HTTP/1.1 200 OK");
        if (!bodyText().contains(HELLO)) {
            throw new GradedFailure(HttpFeedback.noHello(request, Shown.text(bodyText())));
        }
        return this;
    }

    /**
     * Every line of the head, the status line, the headers and the empty line after them, ends
     * with {@code \r\n}, as HTTP asks; {@code println} ends them with a bare {@code \n} on Linux.
     */
    Reply expectCrlfLineEnds() {
        if (bareLine >= 0) {
            int kind = bareLine == 0 ? 0 : bareLineText.isEmpty() ? 2 : 1;
            throw new GradedFailure(HttpFeedback.bareNewlineInHead(request, kind, Shown.text(bareLineText)));
        }
        return this;
    }

    /** Nothing after the empty line, as a reply to {@code HEAD} must be. */
    Reply expectNoBody() {
        if (body.length > 0) {
            throw new GradedFailure(HttpFeedback.headWithBody(request, body.length, Shown.text(bodyText())));
        }
        return this;
    }

    /** The header's comma-separated values, each trimmed, in lower case if asked. */
    List<String> tokens(String name, boolean lowerCase) {
        List<String> tokens = new ArrayList<>();
        for (String token : requireHeader(name).split(",")) {
            tokens.add(lowerCase ? token.strip().toLowerCase(Locale.ROOT) : token.strip());
        }
        return tokens;
    }

    /** Raw bytes as a message shows them. */
    static Feedback text(byte[] bytes) {
        return Shown.text(new String(bytes, StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private record Header(String name, String value) {}
}
