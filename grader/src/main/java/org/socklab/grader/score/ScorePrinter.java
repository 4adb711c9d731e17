package org.socklab.grader.score;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the score table of a student's {@code mvn test} and fails the build when it must: run in
 * Maven's own JVM by the exec plugin in the {@code test} phase, after Surefire (which ignores test
 * failures there), so that the table is the last thing before Maven's closing lines rather than
 * buried under Surefire's list of failures. What it prints is what {@link ScoreReportListener}
 * wrote in the test JVM ({@value ScoreReportListener#TABLE}, {@value ScoreReportListener#FAILURE}),
 * already in the student's language; it renders nothing itself.
 *
 * <p>A folder without a table means that no test ran in this build (tests skipped, or nothing to
 * test): nothing is printed and the build goes on. The build removes the folder before compiling,
 * so a table is never one of an earlier run.
 *
 * <p>Stateless.
 */
public final class ScorePrinter {
    private ScorePrinter() {}

    /**
     * @param args the report folder; then {@code true} when test failures must not fail the build
     *     ({@code -Dmaven.test.failure.ignore=true}, as Surefire understands it)
     * @throws LostPoints when points were lost or a test failed, with the one line that says so
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            throw new IllegalArgumentException("usage: ScorePrinter REPORT_DIR [IGNORE_FAILURES]");
        }
        print(Path.of(args[0]), args.length == 2 && Boolean.parseBoolean(args[1]), System.out);
    }

    static void print(Path reportDir, boolean ignoreFailures, PrintStream out) throws IOException {
        Path table = reportDir.resolve(ScoreReportListener.TABLE);
        if (!Files.isRegularFile(table)) {
            return;
        }
        out.print(Files.readString(table, StandardCharsets.UTF_8));
        out.flush();
        Path failure = reportDir.resolve(ScoreReportListener.FAILURE);
        if (!ignoreFailures && Files.isRegularFile(failure)) {
            throw new LostPoints(
                    Files.readString(failure, StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * The build fails: its message is the one line Maven shows last (the exec plugin also logs it
     * as a warning under the table). No stack trace: there is nothing to debug.
     */
    public static final class LostPoints extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LostPoints(String message) {
            super(message, null, false, false);
        }
    }
}
