package org.socklab.grader.echocaps;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.GradedExercise;
import org.socklab.grader.Points;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.LineClient;
import org.socklab.grader.harness.RunningServer;
import org.socklab.grader.harness.Servers;

/**
 * Exercise 1, echocaps: every line comes back upper-cased, on a connection that stays open.
 *
 * <p>Each test checks one behaviour and sends what it needs in a way that isolates it: framing is
 * tested with one line sent in pieces, the connection's lifetime with many lines sent whole. The
 * test methods are public so that a template class in another package inherits them.
 */
@GradedExercise(Exercise.ECHOCAPS)
public class EchoCapsTests {
    /** Lines of {@link #answersLineAfterLineOnOneConnection} that a server might take for the end of a session, by number. */
    /** The longest the 1 MiB echo is waited for while the server keeps computing (below the per-test bound). */
    private static final Duration BIG_LINE_CAP = Duration.ofSeconds(90);

    private static final Map<Integer, String> GOODBYES = Map.of(3, "Bye", 8, "BYE", 12, ":bye", 17, "bye");

    @Test
    @Points(1)
    public void repliesToOneLine(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.sendLine("hello, ação").expectLine("HELLO, AÇÃO");
        }
    }

    /**
     * Twenty lines on one connection, with empty lines and lines that read like a goodbye
     * ({@code Bye}, {@code BYE}, {@code :bye}, {@code bye}): only the client ends a session, so a
     * goodbye is echoed like any line. The first goodbye comes third, after two plain lines, so a
     * server that hangs up after one line is told so by the plain line it did not answer.
     */
    @Test
    @Points(1)
    public void answersLineAfterLineOnOneConnection(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            String lastGoodbye = "";
            int lines = 20;
            for (int i = 1; i <= lines; i++) {
                String line = i % 5 == 0 ? "" : GOODBYES.getOrDefault(i, "line " + i);
                try {
                    client.sendLine(line).expectLine(line.toUpperCase(Locale.ROOT));
                } catch (GradedFailure failure) {
                    boolean atGoodbye = GOODBYES.containsValue(line);
                    throw EchoCapsFeedback.endedAfterGoodbye(
                            failure, atGoodbye ? line : lastGoodbye, atGoodbye ? i : i - 1, lines);
                }
                lastGoodbye = GOODBYES.containsValue(line) ? line : "";
            }
        }
    }

    @Test
    @Points(1)
    public void framesALineSentOneByteAtATime(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.sendInPieces("one byte at a time\n", 1).expectLine("ONE BYTE AT A TIME");
        }
    }

    @Test
    @Points(1)
    public void answersSeveralLinesSentInOneWrite(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.send("first\nsecond\nthird\n");
            client.expectLine("FIRST").expectLine("SECOND").expectLine("THIRD");
            client.sendLine("end").expectLine("END");
        }
    }

    @Test
    @Points(1)
    public void decodesACharacterSplitAcrossWrites(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            String line = "ação é útil\n";
            client.sendPieces(line, splitInsideEveryCharacter(line));
            client.expectLine("AÇÃO É ÚTIL");
        }
    }

    @Test
    @Points(1)
    public void dropsTheCarriageReturnOfCrlf(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.send("windows\r\n").expectLine("WINDOWS");
        }
    }

    @Test
    @Points(1)
    public void echoesAOneMebibyteLine(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            String big = "a".repeat(1 << 20);
            CompletableFuture<Void> sent = client.sendInBackground(big + "\n");
            // a correct reader may be slow at this size (DataInputStream.readLine grows its buffer
            // 128 chars at a time): while the server computes, its reply is still coming
            String reply = client.readLine(Duration.ofSeconds(20), BIG_LINE_CAP);
            if (!reply.equals(big.toUpperCase(Locale.ROOT))) {
                throw new GradedFailure(EchoCapsFeedback.wrongBigReply(big.length(), reply));
            }
            sent.join();
        }
    }

    @Test
    @Points(1)
    public void repliesAfterTheClientHalfCloses(Servers servers) {
        try (LineClient client = servers.start().connect()) {
            client.send("last words\n").halfClose();
            client.expectLine("LAST WORDS");
            client.expectClosed();
        }
    }

    @Test
    @Points(1)
    public void servesTenClientsOneAfterAnother(Servers servers) {
        RunningServer server = servers.start();
        for (int i = 1; i <= 10; i++) {
            try (LineClient client = server.connect()) {
                client.sendLine("client " + i).expectLine("CLIENT " + i);
            }
        }
    }

    @Test
    @Points(1)
    public void survivesAClientThatVanishesMidLine(Servers servers) {
        RunningServer server = servers.start();
        LineClient vanishing = server.connect();
        vanishing.send("half a li");
        vanishing.reset();
        try (LineClient next = server.connect()) {
            next.sendLine("still there?").expectLine("STILL THERE?");
        }
    }

    /** The line's bytes, cut in the middle of every multi-byte character. */
    private static byte[][] splitInsideEveryCharacter(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            boolean leadOfMultiByte = (bytes[i] & 0xC0) == 0xC0;
            if (leadOfMultiByte) {
                pieces.add(Arrays.copyOfRange(bytes, from, i + 1));
                from = i + 1;
            }
        }
        pieces.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return pieces.toArray(byte[][]::new);
    }
}
