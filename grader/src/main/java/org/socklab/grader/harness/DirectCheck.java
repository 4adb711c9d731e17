package org.socklab.grader.harness;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.NotApplicable;

/**
 * Runs one {@link org.socklab.grader.DirectCalls} test in a child JVM of its own (see
 * {@link CheckHost}) and turns its verdict into this test's outcome: nothing when it passed, a
 * {@link GradedFailure} with the child's observation when it failed, and a failure of our own
 * when the child ended, or ran out of time, without a verdict.
 *
 * <p>The verdict must start with a token drawn here and handed to the child on its standard input,
 * so no line the submission prints can pass for one. What remains possible is what any code in a
 * process can do to that process: a submission that attacks the test engine from inside could
 * make this one check pass. Everything observed over TCP stays out of its reach.
 *
 * <p>Stateless; each call has a process of its own.
 */
final class DirectCheck {
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DirectCheck() {
    }

    static void run(Exercise exercise, Class<?> testClass, Method test, List<Path> classes, ChildOutput output,
            Sandbox sandbox) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        Process process = start(testClass, test, classes, sandbox);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child is already gone: its missing verdict says so below
            }
            daemon(() -> readLines(process.getErrorStream(), line -> output.line(exercise.key() + "-check", line)));
            CompletableFuture<String> verdict = new CompletableFuture<>();
            daemon(() -> {
                readLines(process.getInputStream(), line -> {
                    if (line.startsWith(token + " ")) {
                        verdict.complete(line.substring(token.length() + 1));
                    }
                });
                verdict.complete(null);
            });
            AtomicReference<Feedback> limit = new AtomicReference<>();
            sandbox.guard(process, limit::set);
            String said = verdict.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (said == null && limit.get() != null) {
                throw new GradedFailure(limit.get());
            }
            judge(said, process);
        } catch (TimeoutException e) {
            throw new GradedFailure(CoreFeedback.checkOutOfTime(DEADLINE));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradedFailure(CoreFeedback.checkOutOfTime(DEADLINE), e);
        } catch (ExecutionException e) {
            throw new GradedFailure(CoreFeedback.testError(e.getCause()), e.getCause());
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void judge(String verdict, Process process) throws InterruptedException {
        if (verdict == null) {
            process.waitFor(5, TimeUnit.SECONDS);
            String status = process.isAlive() ? "?" : Integer.toString(process.exitValue());
            throw new GradedFailure(CoreFeedback.checkWithoutVerdict(status));
        }
        String[] words = verdict.split(" ", 2);
        switch (words[0]) {
            case "passed" -> {
                // the check held
            }
            case "not-checked" -> throw new NotApplicable(CoreFeedback.fromChild(decode(words)));
            default -> throw new GradedFailure(CoreFeedback.fromChild(decode(words)));
        }
    }

    private static String decode(String[] words) {
        if (words.length < 2) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(words[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Process start(Class<?> testClass, Method test, List<Path> classes, Sandbox sandbox) {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        classes.forEach(entry -> classPath.add(entry.toAbsolutePath().toString()));
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + ChildJvm.HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-D" + Language.PROPERTY + "=" + Language.current().locale().toLanguageTag(),
                "-cp", String.join(File.pathSeparator, classPath),
                CheckHost.class.getName(), testClass.getName(), test.getName(), Language.current().name());
        try {
            return sandbox.start(command);
        } catch (IOException e) {
            throw new GradedFailure(CoreFeedback.processCannotStart(e.getMessage()), e);
        }
    }

    private static void readLines(InputStream in, java.util.function.Consumer<String> sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                sink.accept(line.length() > 8192 ? line.substring(0, 8192) : line);
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "socklab-check-io");
        thread.setDaemon(true);
        thread.start();
    }
}
