package org.socklab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socklab.grader.Exercise;

/**
 * Trust: the experiment measures what Apache Bench measures on the same server, where {@code ab}
 * is installed (Debian's {@code apache2-utils}; CI installs it). The server is the reference, held
 * {@value #HOLD_MILLIS} ms per request as in the experiment, so the hold is a floor that both
 * tools' means must reach: a tool that timed the connect alone, or a request without its hold,
 * falls below it whatever the machine's load.
 *
 * <p>How close the two means are is a timing figure, so it is not asserted here (under two CPU
 * hogs one stalled request moved a best-of-five mean by 7 ms): each run writes both best means to
 * {@code target/bench/ab-agreement.txt}, and {@code fixtures/bench/ab-agreement.sh} runs this
 * class and prints them (quiet machine: ab 8.7 ms, ours 8.1 ms with one client; 11.4 and 10.3 ms
 * with five). ab's "Time per request (mean)" is concurrency times elapsed over requests: for
 * closed-loop clients, the mean response time (Little's law).
 */
class AgreesWithApacheBenchTest {
    private static final int HOLD_MILLIS = 5;
    private static final int REQUESTS = 100;
    private static final int ROUNDS = 5;
    private static final Pattern AB_MEAN = Pattern.compile("Time per request:\\s+([0-9.]+) \\[ms\\] \\(mean\\)\\n");
    private static final Pattern AB_FAILED = Pattern.compile("Failed requests:\\s+(\\d+)");

    @TempDir
    Path temp;

    @ParameterizedTest(name = "with {0} clients at once")
    @ValueSource(ints = {1, 5})
    void should_give_the_same_mean_response_time_as_apache_bench(int clients) throws Exception {
        assumeTrue(abInstalled(), "ab (apache2-utils) is not installed");
        Path classes = SubmissionClasses.compile(
                SubmissionClasses.reference(
                        Exercise.HTTP,
                        temp.resolve("src"),
                        java.util.Map.of(
                                SubmissionClasses.REFERENCE_VARIABLE,
                                Path.of("..", "fixtures", "reference")
                                        .toAbsolutePath()
                                        .normalize()
                                        .toString())),
                temp.resolve("classes"));
        try (MeasuredServer server = MeasuredServer.start(
                Exercise.HTTP,
                Server.SUBMISSION,
                classes,
                Duration.ofMillis(HOLD_MILLIS),
                temp,
                temp.resolve("server.log"))) {
            ClosedLoopLoad.run(
                    Server.SUBMISSION, server.address(), clients, REQUESTS / clients, Duration.ofSeconds(60));
            double theirs = Double.MAX_VALUE;
            double ours = Double.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                String ab = ab(clients, server.address().getPort());
                assertThat(failed(ab)).as(ab).isZero();
                theirs = Math.min(theirs, mean(ab));
                CaseResult result = ClosedLoopLoad.run(
                        Server.SUBMISSION, server.address(), clients, REQUESTS / clients, Duration.ofSeconds(60));
                assertThat(result.completed()).isEqualTo(REQUESTS);
                ours = Math.min(ours, result.meanMillis());
            }

            writeFigures(clients, ours, theirs);
            assertThat(theirs).as("ab's best mean, ms").isGreaterThanOrEqualTo(HOLD_MILLIS);
            assertThat(ours).as("our best mean, ms (ab's: %.3f)", theirs).isGreaterThanOrEqualTo(HOLD_MILLIS);
        }
    }

    /** Appends the figures for the benchmark script; the file is the build's, not the test's. */
    private static void writeFigures(int clients, double ours, double theirs) throws IOException {
        Path figures = Path.of("target", "bench", "ab-agreement.txt");
        Files.createDirectories(figures.getParent());
        Files.writeString(
                figures,
                String.format(
                        java.util.Locale.ROOT,
                        "%d clients, hold %d ms: best mean of %d rounds, ab %.3f ms, socklab %.3f ms%n",
                        clients,
                        HOLD_MILLIS,
                        ROUNDS,
                        theirs,
                        ours),
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private static boolean abInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, "ab"))) {
                return true;
            }
        }
        return false;
    }

    private String ab(int clients, int port) throws IOException, InterruptedException {
        Path output = temp.resolve("ab-" + clients + ".txt");
        Process process = new ProcessBuilder(
                        "ab",
                        "-q",
                        "-n",
                        Integer.toString(REQUESTS),
                        "-c",
                        Integer.toString(clients),
                        "-s",
                        "30",
                        "http://127.0.0.1:" + port + "/hello")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ab did not finish within 60 s");
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(said).isZero();
        return said;
    }

    private static double mean(String ab) {
        Matcher matcher = AB_MEAN.matcher(ab);
        assertThat(matcher.find()).as(ab).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static int failed(String ab) {
        Matcher matcher = AB_FAILED.matcher(ab);
        assertThat(matcher.find()).as(ab).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
