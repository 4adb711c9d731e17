package org.socklab.grader.score;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;

/**
 * At the end of a student's {@code mvn test}: writes {@code target/socklab/score.json} and the
 * score table. The template registers it as a JUnit Platform listener (a {@code META-INF/services}
 * file in its test resources).
 *
 * <p>Run by an IDE, it prints the table on standard error. In a student's build
 * ({@value #PRINTED_BY_BUILD} set by the pom), it prints nothing: it writes the table as it would
 * print it to {@value #TABLE} and, when the build must fail (points lost, or any test failed),
 * the one line that says why to {@value #FAILURE}; {@link ScorePrinter} prints them after
 * Surefire's summary, so that the table is the last thing before Maven's closing lines.
 *
 * <p>The folder is the configuration parameter {@value #REPORT_DIR}, by default
 * {@code target/socklab} under the working directory (the project's folder under Maven). A run
 * that found no graded test says so loudly instead of printing an empty table.
 *
 * <p>Thread-safe, as its {@link ScoreCollector}.
 */
public class ScoreReportListener extends ScoreCollector {
    /** Where the reports go. */
    public static final String REPORT_DIR = "socklab.report.dir";
    /**
     * Where the build puts what the tests (and so the student's servers) printed, when it sends
     * that to files ({@code redirectTestOutputToFile} in a checkout's pom): named under the table.
     */
    public static final String OUTPUT_DIR = "socklab.output.dir";
    /** {@code true} when the build prints the table itself, with {@link ScorePrinter}. */
    public static final String PRINTED_BY_BUILD = "socklab.table.printedByBuild";
    /** The table as the console shows it, in the report folder. */
    public static final String TABLE = "table.txt";
    /** Why the build fails, one line, in the report folder; absent when it must not fail. */
    public static final String FAILURE = "build-failure.txt";

    private final PrintStream console;
    private volatile Language language;
    private volatile Path reportDir = Path.of("target", "socklab");
    private volatile String outputDir = "";
    private volatile boolean printedByBuild;
    private final AtomicInteger failedTests = new AtomicInteger();

    /**
     * Prints on the process's own standard error, not on {@link System#err}: Surefire replaces
     * that with a stream that, in a checkout, goes to a file with the servers' output; the
     * table must reach the console.
     */
    public ScoreReportListener() {
        this(
                Language.of(Locale.getDefault()),
                new PrintStream(new FileOutputStream(FileDescriptor.err), true, Charset.defaultCharset()));
    }

    ScoreReportListener(Language language, PrintStream console) {
        this.language = language;
        this.console = console;
    }

    /** The language is {@value Language#PROPERTY} ({@code -Dsocklab.lang=pt}) if given, else the user's locale. */
    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        super.testPlanExecutionStarted(plan);
        plan.getConfigurationParameters().get(REPORT_DIR).ifPresent(dir -> reportDir = Path.of(dir));
        plan.getConfigurationParameters()
                .get(Language.PROPERTY)
                .flatMap(Language::parse)
                .ifPresent(asked -> language = asked);
        plan.getConfigurationParameters().get(OUTPUT_DIR).ifPresent(dir -> outputDir = dir);
        printedByBuild =
                plan.getConfigurationParameters().getBoolean(PRINTED_BY_BUILD).orElse(false);
    }

    /** Counts every failed test, graded or not: a failed test fails the build, as in Maven. */
    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        super.executionFinished(identifier, result);
        if (identifier.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            failedTests.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        StringBuilder text = new StringBuilder();
        String failure = null;
        if (!foundGradedTests()) {
            text.append(line("table.noGradedTests"));
        } else {
            ScoreReport report = report();
            text.append(ScoreTable.render(report, language));
            Path file = reportDir.resolve("score.json");
            write(file, ScoreJson.write(report, language));
            text.append(line("table.written", file.toString()));
            if (!outputDir.isEmpty()) {
                text.append(line("table.output", outputDir));
            }
            if (report.total() < report.max()) {
                failure = line("table.pointsLost", report.total(), report.max());
            }
        }
        if (failure == null && failedTests.get() > 0) {
            failure = line("table.testsFailed", failedTests.get());
        }
        if (!printedByBuild) {
            console.print(text);
            console.flush();
            return;
        }
        write(reportDir.resolve(TABLE), text.toString());
        if (failure != null) {
            write(reportDir.resolve(FAILURE), failure);
        } else {
            delete(reportDir.resolve(FAILURE));
        }
    }

    private String line(String key, Object... arguments) {
        return CoreFeedback.MESSAGES.format(key, language, List.of(arguments)) + "\n";
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
