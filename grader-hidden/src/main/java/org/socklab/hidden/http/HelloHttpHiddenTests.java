package org.socklab.hidden.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Hidden;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.MessageBundle;
import org.socklab.grader.feedback.Shown;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Servers;

/**
 * Hidden tests of exercise 2, http: the property of the visible test "answers ten clients
 * connected at once", under a heavier load. Thirty clients each send the start of a request and
 * stall there, all at once; then they finish one by one, the last connected first, and each must
 * get its page while the others still stall. Proved by construction: a server that serves fewer
 * than thirty clients at a time cannot answer the one that finished first, whatever the timing.
 */
@Hidden
@GradedExercise(Exercise.HTTP)
public class HelloHttpHiddenTests {
    private static final MessageBundle MESSAGES = MessageBundle.beside(HelloHttpHiddenTests.class);
    private static final String REQUEST = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final int CLIENTS = 30;
    private static final int HALF = 8;

    @Test
    @Points(2)
    @DisplayName("answers thirty clients connected at once, in whatever order they finish their requests")
    public void servesThirtyClientsAtOnce(Servers servers) {
        RunningServer server = servers.start();
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(server.connect().send(REQUEST.substring(0, HALF)));
            }
            for (int number = CLIENTS; number >= 1; number--) {
                LineClient client = clients.get(number - 1);
                client.send(REQUEST.substring(HALF));
                LineClient.Received reply = client.readUntilClosed(LineClient.READ_TIMEOUT);
                String text = new String(reply.bytes(), StandardCharsets.UTF_8);
                if (!text.startsWith("HTTP/1.1 200 OK")) {
                    throw new GradedFailure(Feedback.of(
                            MESSAGES,
                            "manyClients.noReply",
                            number,
                            CLIENTS,
                            Duration.ofMillis(LineClient.READ_TIMEOUT.toMillis())
                                    .toSeconds(),
                            CLIENTS - number,
                            Shown.text(text.lines().findFirst().orElse(""))));
                }
                client.close();
            }
        } finally {
            clients.forEach(LineClient::close);
        }
    }
}
