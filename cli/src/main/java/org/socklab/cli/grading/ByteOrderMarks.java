package org.socklab.cli.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;

/**
 * Removes the leading UTF-8 byte order mark that Notepad and some Windows editors write ("UTF-8
 * with BOM"): javac stops at it ({@code illegal character: '\ufeff'}), so a correct solution
 * would score zero for how it was saved. Only the grader's private copy of the sources is
 * rewritten, never the submission, and each file so changed becomes a notice for the report.
 * Stateless and thread-safe.
 */
final class ByteOrderMarks {
    static final MessageBundle MESSAGES = MessageBundle.beside(ByteOrderMarks.class);
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ByteOrderMarks() {}

    /**
     * Strips the mark from every {@code .java} file under {@code sources} (the copy of the
     * submission's {@code src/main/java}).
     *
     * @return one notice per file that had the mark, naming it as the student sees it
     */
    static List<Feedback> strip(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file ->
                            file.toString().endsWith(".java") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .filter(ByteOrderMarks::stripped)
                    .map(file -> Feedback.of(
                            MESSAGES,
                            "source.byteOrderMark",
                            Submission.SOURCES + "/"
                                    + sources.relativize(file).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean stripped(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < UTF8_BOM.length
                    || !Arrays.equals(bytes, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
                return false;
            }
            Files.write(file, Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
