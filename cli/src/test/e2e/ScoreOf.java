import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints what a student's run scored, read from its {@code score.json}: the points, the maximum and
 * the ids of the tests that did not pass, on one line ({@code 9 10 dropsTheCarriageReturnOfCrlf}).
 * A single-file program (run as {@code java ScoreOf.java FILE}), so the student-path script needs
 * nothing but the JDK on any OS. It reads only the flat fields the score format documents.
 */
public class ScoreOf {
    public static void main(String[] args) throws Exception {
        String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        Matcher total = Pattern.compile("\"total\": (\\d+),\\s*\"max\": (\\d+)").matcher(json);
        if (!total.find()) {
            throw new IllegalStateException("no total in " + args[0]);
        }
        List<String> lost = new ArrayList<>();
        Matcher test = Pattern.compile("\\{\"id\": \"([^\"]+)\"[^{}]*?\"passed\": (true|false)").matcher(json);
        while (test.find()) {
            if (test.group(2).equals("false")) {
                lost.add(test.group(1));
            }
        }
        System.out.println(total.group(1) + " " + total.group(2) + (lost.isEmpty() ? "" : " " + String.join(" ", lost)));
    }
}
