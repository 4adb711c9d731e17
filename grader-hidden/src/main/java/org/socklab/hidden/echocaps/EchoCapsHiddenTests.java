package org.socklab.hidden.echocaps;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
import org.socklab.grader.harness.Servers;

/**
 * Hidden tests of exercise 1, echocaps: the property of the visible test "decodes a character
 * whose UTF-8 bytes are split across writes", on other inputs (three- and four-byte characters,
 * cut at every byte) and under a heavier load (a long line of them, cut wherever TCP cuts it).
 * A solution that collects a line's bytes before decoding passes both whatever its style.
 */
@Hidden
@GradedExercise(Exercise.ECHOCAPS)
public class EchoCapsHiddenTests {
    private static final MessageBundle MESSAGES = MessageBundle.beside(EchoCapsHiddenTests.class);

    @Test
    @Points(1)
    @DisplayName("decodes three- and four-byte characters sent one byte at a time")
    public void decodesLongCharactersSentOneByteAtATime(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.sendInPieces("naïve 日本語 \uD83D\uDE42 ação\n", 1).expectLine("NAÏVE 日本語 \uD83D\uDE42 AÇÃO");
        }
    }

    @Test
    @Points(1)
    @DisplayName("echoes a long line of three-byte characters")
    public void echoesALongLineOfThreeByteCharacters(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            String line = "日本語ab".repeat(40_000);
            CompletableFuture<Void> sent = client.sendInBackground(line + "\n");
            String reply = client.readLine(Duration.ofSeconds(20));
            String expected = line.toUpperCase(Locale.ROOT);
            if (!reply.equals(expected)) {
                throw new GradedFailure(Feedback.of(
                        MESSAGES,
                        "longLine.wrong",
                        line.getBytes(StandardCharsets.UTF_8).length,
                        reply.length(),
                        expected.length(),
                        (int) reply.chars().filter(c -> c == '\uFFFD').count(),
                        Shown.text(reply)));
            }
            sent.join();
        }
    }
}
