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
import org.junit.platform.launcher.TestPlan;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;

/**
 * At the end of a student's {@code mvn test}: prints the score table and writes
 * {@code target/socklab/score.json}. The table goes to standard error, which Maven shows even
 * with {@code -q}, where a forked test JVM's standard output outside a test is dropped. The template registers it as a JUnit Platform listener
 * (a {@code META-INF/services} file in its test resources).
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

    private final PrintStream console;
    private volatile Language language;
    private volatile Path reportDir = Path.of("target", "socklab");
    private volatile String outputDir = "";

    /**
     * Prints on the process's own standard error, not on {@link System#err}: Surefire replaces
     * that with a stream that, in a checkout, goes to a file with the servers' output; the
     * table must reach the console.
     */
    public ScoreReportListener() {
        this(Language.of(Locale.getDefault()), new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                Charset.defaultCharset()));
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
        plan.getConfigurationParameters().get(Language.PROPERTY).flatMap(Language::parse)
                .ifPresent(asked -> language = asked);
        plan.getConfigurationParameters().get(OUTPUT_DIR).ifPresent(dir -> outputDir = dir);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (!foundGradedTests()) {
            console.println(CoreFeedback.MESSAGES.format("table.noGradedTests", language, List.of()));
            return;
        }
        ScoreReport report = report();
        console.print(ScoreTable.render(report, language));
        Path file = reportDir.resolve("score.json");
        try {
            Files.createDirectories(reportDir);
            Files.writeString(file, ScoreJson.write(report, language), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        console.println(CoreFeedback.MESSAGES.format("table.written", language, List.of(file.toString())));
        if (!outputDir.isEmpty()) {
            console.println(CoreFeedback.MESSAGES.format("table.output", language, List.of(outputDir)));
        }
        console.flush();
    }
}
