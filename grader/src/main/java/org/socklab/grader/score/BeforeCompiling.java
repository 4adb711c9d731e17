package org.socklab.grader.score;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;

/**
 * The step of a student's build before javac, run in Maven's own JVM by the exec plugin (no new
 * JVM, nothing more to download than the step that prints the score): removes the score reports
 * of the last run, so that a compile error leaves no score behind, and removes the UTF-8 byte
 * order mark that Notepad and some Windows editors write ("UTF-8 with BOM") from the start of the
 * sources, since javac stops at it ({@code illegal character: '\ufeff'}), saying so, one line per
 * file, in the student's language ({@value Language#PROPERTY} or the user's locale).
 *
 * <p>Stateless.
 */
public final class BeforeCompiling {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private BeforeCompiling() {}

    /** @param args the project's folder, then the report folder */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: BeforeCompiling PROJECT_DIR REPORT_DIR");
        }
        run(Path.of(args[0]), Path.of(args[1]), Language.fromEnvironment(), System.out);
    }

    static void run(Path project, Path reportDir, Language language, PrintStream out) throws IOException {
        for (String report : List.of("score.json", ScoreReportListener.TABLE, ScoreReportListener.FAILURE)) {
            Files.deleteIfExists(reportDir.resolve(report));
        }
        Path sources = project.resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return;
        }
        List<Path> marked;
        try (Stream<Path> files = Files.walk(sources)) {
            marked = files.filter(file ->
                            file.toString().endsWith(".java") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
        for (Path file : marked) {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length >= UTF8_BOM.length
                    && Arrays.equals(bytes, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
                Files.write(file, Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length));
                String shown = project.relativize(file).toString().replace('\\', '/');
                out.println(CoreFeedback.MESSAGES.format("build.byteOrderMark", language, List.of(shown)));
            }
        }
        out.flush();
    }
}
