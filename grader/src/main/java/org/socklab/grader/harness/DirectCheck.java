package org.socklab.grader.harness;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.Exercise;
import org.socklab.grader.child.CheckHost;
import org.socklab.grader.child.ControlChannel;
import org.socklab.grader.child.InitializerWatch;
import org.socklab.grader.child.StuckCallWatch;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.FeedbackCodec;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.NotApplicable;

/**
 * Runs one {@link org.socklab.grader.DirectCalls} test in a child JVM of its own (see
 * {@link CheckHost}) and turns its verdict into this test's outcome: nothing when it passed, a
 * {@link GradedFailure} with the child's observation when it failed, and a failure of our own
 * when the child ended, or ran out of time, without a verdict.
 *
 * <p>The verdict comes on the child's {@link ControlChannel}, which the harness connects before
 * any class of the submission is loaded; what the submission prints is only captured. What
 * remains possible is what any code in a process can do to that process: a submission that
 * attacks the test engine from inside could make this one check pass (the policy check on its
 * classes and the sandbox are what stop that). Everything observed over TCP stays out of its reach.
 *
 * <p>Bounds: {@link ChildJvm#START_DEADLINE} to connect, then {@link #DEADLINE} for the verdict,
 * {@link InitializerWatch#DEADLINE} for a class initializer of the submission, and
 * {@link StuckCallWatch#DEADLINE} for a call into the submission that waits and never returns
 * (the check's JVM tells it, so that only a check that keeps running pays {@link #DEADLINE}). Missing one of
 * them loses the exercise ({@link ExerciseLedger}): its later direct checks and servers fail at
 * once with the same reason instead of paying the bound again.
 *
 * <p>Stateless; each call has a process of its own.
 */
final class DirectCheck {
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private DirectCheck() {}

    static void run(
            Exercise exercise,
            Class<?> testClass,
            Method test,
            List<Path> classes,
            ChildOutput output,
            ExerciseLedger ledger,
            Sandbox sandbox) {
        ControlChannel.Pending pending = ControlChannel.listen();
        Process process;
        try {
            process = sandbox.start(command(exercise, testClass, test, classes));
            FloorMeter.jvmStarted();
        } catch (IOException e) {
            pending.close();
            throw lost(ledger, CoreFeedback.processCannotStart(e.getMessage()), e);
        }
        try {
            ChildJvm.handOver(process, pending.handshake());
            ChildOutput.capture(process.getInputStream(), output, exercise.key() + "-check");
            ChildOutput.capture(process.getErrorStream(), output, exercise.key() + "-check");
            process.onExit().thenRun(pending::close);
            AtomicReference<Feedback> limit = new AtomicReference<>();
            sandbox.guard(process, limit::set);
            ControlChannel control;
            try {
                control = pending.accept(ChildJvm.START_DEADLINE);
            } catch (IOException e) {
                throw lost(
                        ledger,
                        process.isAlive()
                                ? CoreFeedback.processCannotStart(e.getMessage())
                                : CoreFeedback.checkWithoutVerdict(status(process)),
                        e);
            }
            try (control) {
                AtomicReference<Floor> floor = new AtomicReference<>(Floor.NONE);
                CompletableFuture<String> verdict =
                        CompletableFuture.supplyAsync(() -> verdict(control, floor), DirectCheck::daemon);
                String said = verdict.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                FloorMeter.record(floor.get());
                if (said == null && limit.get() != null) {
                    throw new GradedFailure(limit.get());
                }
                judge(said, process, ledger);
            }
        } catch (TimeoutException e) {
            throw lost(ledger, CoreFeedback.checkOutOfTime(DEADLINE), e);
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

    /** The check's verdict line, the {@link Floor} it may send first kept aside. */
    private static String verdict(ControlChannel control, AtomicReference<Floor> floor) {
        String line = control.receive();
        if (line != null && line.startsWith(CheckHost.FLOOR)) {
            Floor.decode(line.substring(CheckHost.FLOOR.length())).ifPresent(floor::set);
            line = control.receive();
        }
        return line;
    }

    private static void judge(String verdict, Process process, ExerciseLedger ledger) {
        if (verdict == null) {
            throw new GradedFailure(CoreFeedback.checkWithoutVerdict(status(process)));
        }
        String[] words = verdict.split(" ", 2);
        switch (words[0]) {
            case "passed" -> {
                // the check held
            }
            case "not-checked" -> throw new NotApplicable(observation(words));
            case "stuck" ->
                throw lost(ledger, CoreFeedback.initializerStuck(text(words), InitializerWatch.DEADLINE), null);
            case "stuck-call" ->
                throw lost(ledger, CoreFeedback.checkCallStuck(text(words), StuckCallWatch.DEADLINE), null);
            default -> throw new GradedFailure(observation(words));
        }
    }

    private static GradedFailure lost(ExerciseLedger ledger, Feedback reason, Throwable cause) {
        ledger.lose(reason);
        return new GradedFailure(reason, cause);
    }

    private static String status(Process process) {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    /** The observation of a check, sent as a value (rendered by the report, in its language). */
    private static Feedback observation(String[] words) {
        return FeedbackCodec.decode(words.length < 2 ? "" : words[1])
                .orElseGet(() -> CoreFeedback.checkWithoutVerdict("?"));
    }

    /** A plain text the check sends (the name of a class), UTF-8 in base64. */
    private static String text(String[] words) {
        if (words.length < 2) {
            return "";
        }
        try {
            return new String(Base64.getDecoder().decode(words[1].strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The command line of a check host: one place, so that a sandbox can wrap it. */
    static List<String> command(Exercise exercise, Class<?> testClass, Method test, List<Path> classes) {
        List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
        classes.forEach(entry -> classPath.add(entry.toAbsolutePath().toString()));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + ChildJvm.HEAP_MB + "m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData"));
        command.addAll(SharedClasses.childOptions());
        command.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-cp",
                String.join(File.pathSeparator, classPath),
                CheckHost.class.getName(),
                testClass.getName(),
                test.getName(),
                InitializerWatch.submissionPrefix(exercise.serverClassName())));
        return List.copyOf(command);
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body, "socklab-check-verdict");
        thread.setDaemon(true);
        thread.start();
    }
}
