package org.socklab.grader.http;

import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Shown;

/**
 * An HTTP request as a test sends it: its whole text, and its request line, which names it in
 * messages. Every request carries a {@code Host} header, as HTTP/1.1 clients do, and no body.
 *
 * <p>Immutable.
 *
 * @param requestLine the first line, without its line ending
 * @param text everything sent, the empty line that ends the request included
 */
record Request(String requestLine, String text) {

    /** A request for {@code target} with this method, lines ending with {@code \r\n}. */
    static Request of(String method, String target) {
        return line(method + " " + target + " HTTP/1.1");
    }

    /** A request with this request line, well-formed or not, lines ending with {@code \r\n}. */
    static Request line(String requestLine) {
        return new Request(requestLine, requestLine + "\r\nHost: localhost\r\n\r\n");
    }

    /** The same request with every line ending in a bare {@code \n}, as typed into {@code nc}. */
    Request withBareNewlines() {
        return new Request(requestLine, text.replace("\r\n", "\n"));
    }

    /** The first {@code length} characters of the text: a request cut short. */
    String firstPart(int length) {
        return text.substring(0, length);
    }

    /** The rest of the text after {@link #firstPart(int)}. */
    String rest(int length) {
        return text.substring(length);
    }

    /** The request line, quoted for a message. */
    Feedback shown() {
        return Shown.text(requestLine);
    }
}
