package org.socklab.grader.score;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.harness.Floor;
import org.socklab.grader.harness.Isolation;
import org.socklab.grader.harness.Sandbox;
import org.socklab.grader.harness.ServerExtension;
import org.socklab.grader.harness.SharedClasses;

/**
 * Grades some exercises of a compiled submission in a grading JVM of their own ({@link GradingHost})
 * and returns the score it hands back. The grading JVM runs the grader's trusted tests; the
 * student's servers and direct checks are its children ({@link Isolation#CHILD_PROCESS}).
 *
 * <p>With a bubblewrap {@link Containment}, the grading JVM starts inside a sandbox of its own: its
 * own network namespace (only a loopback, where its clients and the student's servers meet), PID
 * and mount namespaces; it sees the system's programs and libraries ({@code /usr}, {@code /etc}),
 * the JDK, the grader's class path and the submission's classes read-only, a private {@code /tmp}
 * and one writable folder, {@code scratch}, for the servers' output; no home, no other
 * submission, no report folder. Student processes are nested in it ({@link Sandbox}). Killing this
 * grading (a timeout, an interrupt) kills the whole sandbox, every process in it included.
 *
 * <p>Stateless and thread-safe: each call has a process of its own.
 */
public final class GradingJvm {
    /** A backstop far above any exercise's own bounds: the harness ends every wait long before. */
    static final Duration DEADLINE = Duration.ofMinutes(10);

    private static final String INSIDE = "/socklab";
    private static final int MAX_SCORE_LINES = 10_000;

    private GradingJvm() {}

    /**
     * The score of {@code exercises} of the classes in {@code classes}; the servers' output goes to
     * {@code scratch/output-<first exercise>.log}, the grading JVM's own to {@code grading-...log}.
     * A grading JVM that ends without a whole score scores those exercises zero, saying so.
     */
    public static ScoreReport run(
            Set<Exercise> exercises, TestSelection selection, Path classes, Path scratch, Containment containment) {
        String name = exercises.stream().map(Exercise::key).collect(Collectors.joining("-"));
        List<String> command = command(exercises, selection, classes, scratch, name, containment);
        Process process;
        try {
            process = Sandbox.startKept(new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(scratch.resolve("grading-" + name + ".log").toFile()));
        } catch (IOException e) {
            return Grading.failed(
                    exercises, selection, CoreFeedback.gradingCannotStart(String.valueOf(e.getMessage())));
        }
        try {
            CompletableFuture<List<String>> score = new CompletableFuture<>();
            Thread reader = new Thread(() -> score.complete(lines(process)), "socklab-grading-score-" + name);
            reader.setDaemon(true);
            reader.start();
            if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                return Grading.failed(
                        exercises,
                        selection,
                        CoreFeedback.gradingWithoutScore("killed after " + DEADLINE.toMinutes() + " min"));
            }
            try {
                return countingItsStart(ScoreLines.read(score.get(5, TimeUnit.SECONDS)));
            } catch (IllegalArgumentException | ExecutionException | TimeoutException e) {
                return Grading.failed(
                        exercises, CoreFeedback.gradingWithoutScore(Integer.toString(process.exitValue())));
            }
        } catch (InterruptedException e) {
            // a timeout of grade-all, or Ctrl-C: the finally below ends the sandbox and all in it
            Thread.currentThread().interrupt();
            return Grading.failed(exercises, selection, CoreFeedback.gradingWithoutScore("interrupted"));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The report, with the grading JVM's own start counted in the floor of its first exercise. */
    private static ScoreReport countingItsStart(ScoreReport report) {
        List<ExerciseScore> exercises = new ArrayList<>(report.exercises());
        if (!exercises.isEmpty()) {
            exercises.set(0, exercises.get(0).plusFloor(new Floor(Duration.ZERO, 1)));
        }
        return ScoreReport.of(exercises);
    }

    /**
     * The start of the command line of a sandbox of the grader's own (a grading JVM, the compiler
     * run on a submission's sources): bubblewrap with every namespace unshared (no network but a
     * loopback of its own), a new session, no environment, the system's programs and libraries and
     * the JDK at {@code javaHome} read-only, {@code /proc}, {@code /dev} and a private 256 MiB
     * {@code /tmp}. The caller adds its own binds, then {@code --} and the command.
     */
    public static List<String> sandbox(Path javaHome) {
        List<String> command = new ArrayList<>(List.of(
                "bwrap",
                "--unshare-all",
                "--die-with-parent",
                "--new-session",
                "--clearenv",
                "--setenv",
                "PATH",
                "/usr/bin:/bin",
                "--setenv",
                "LANG",
                "C.UTF-8",
                "--ro-bind",
                "/usr",
                "/usr",
                "--ro-bind-try",
                "/bin",
                "/bin",
                "--ro-bind-try",
                "/sbin",
                "/sbin",
                "--ro-bind-try",
                "/lib",
                "/lib",
                "--ro-bind-try",
                "/lib64",
                "/lib64",
                "--ro-bind-try",
                "/lib32",
                "/lib32",
                "--ro-bind-try",
                "/etc",
                "/etc",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--size",
                Long.toString(256L * 1024 * 1024),
                "--tmpfs",
                "/tmp"));
        if (!javaHome.toAbsolutePath().startsWith("/usr")) {
            command.addAll(List.of("--ro-bind", javaHome.toString(), javaHome.toString()));
        }
        return command;
    }

    /**
     * This JVM's class path, every entry that exists, with the {@code Class-Path} of a jar's
     * manifest followed (a manifest-only jar, as Surefire's and the workflow tests' launchers
     * make, names its real entries only there), so that each can be bound into the sandbox.
     */
    static List<Path> graderClassPath() {
        Set<Path> entries = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                pending.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        while (!pending.isEmpty()) {
            Path entry = pending.removeFirst();
            if (!Files.exists(entry) || !entries.add(entry) || !Files.isRegularFile(entry)) {
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String listed =
                        manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (listed != null) {
                    for (String item : listed.trim().split("\\s+")) {
                        try {
                            pending.add(Path.of(entry.toUri().resolve(item))
                                    .toAbsolutePath()
                                    .normalize());
                        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                            // not a file: nothing to bind
                        }
                    }
                }
            } catch (IOException e) {
                // not a jar: bound as it is
            }
        }
        return new ArrayList<>(entries);
    }

    /**
     * Binds every entry of a class path (the grader's) read-only into the sandbox {@code command}
     * is the start of, and returns the class path as the sandbox sees it.
     */
    static List<String> bindClassPath(List<String> command, List<Path> entries) {
        List<String> classPath = new ArrayList<>();
        int i = 0;
        for (Path entry : entries) {
            String inside = INSIDE + "/grader/" + i++ + "-" + entry.getFileName();
            command.addAll(List.of("--ro-bind", entry.toString(), inside));
            classPath.add(inside);
        }
        return classPath;
    }

    /** The grading JVM's standard output, at most {@value #MAX_SCORE_LINES} lines. */
    private static List<String> lines(Process process) {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && lines.size() < MAX_SCORE_LINES) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process is gone: what was read is judged whole or not
        }
        return lines;
    }

    private static List<String> command(
            Set<Exercise> exercises,
            TestSelection selection,
            Path classes,
            Path scratch,
            String name,
            Containment containment) {
        boolean sandboxed = containment.sandboxed();
        Path javaHome = Path.of(System.getProperty("java.home"));
        List<String> command = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        String submission = classes.toAbsolutePath().toString();
        String out = scratch.toAbsolutePath().toString();
        List<String> options = new ArrayList<>();
        if (sandboxed) {
            command.addAll(sandbox(javaHome));
            classPath.addAll(bindClassPath(command, graderClassPath()));
            ClassArchive.forGrading().ifPresent(archive -> {
                command.addAll(List.of("--ro-bind", archive.toString(), ClassArchive.INSIDE));
                options.addAll(SharedClasses.options(ClassArchive.INSIDE));
                options.add("-D" + SharedClasses.PROPERTY + "=" + ClassArchive.INSIDE);
            });
            submission = INSIDE + "/submission";
            out = INSIDE + "/out";
            command.addAll(List.of(
                    "--ro-bind",
                    classes.toAbsolutePath().toString(),
                    submission,
                    "--bind",
                    scratch.toAbsolutePath().toString(),
                    out,
                    "--chdir",
                    "/tmp",
                    "--"));
        } else {
            classPath.add(System.getProperty("java.class.path"));
        }
        command.addAll(List.of(
                javaHome.resolve("bin").resolve("java").toString(),
                "-XX:+UseSerialGC",
                // a JVM of a few seconds, busy with I/O: C2's compilations cost more CPU than they save
                "-XX:TieredStopAtLevel=1",
                // no hsperfdata file: nothing reads a grading JVM's counters, and each start saves its mapping
                "-XX:-UsePerfData",
                "-Xss1m",
                // the JVM's own warnings on standard error: standard output carries the score alone
                "-Xlog:disable",
                "-Xlog:all=warning:stderr"));
        command.addAll(options);
        command.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-cp",
                String.join(File.pathSeparator, classPath),
                GradingHost.class.getName(),
                exercises.stream().map(Exercise::key).collect(Collectors.joining(",")),
                ServerExtension.CLASSES + "=" + submission,
                ServerExtension.ISOLATION + "=" + Isolation.CHILD_PROCESS.value(),
                ServerExtension.CHILD_OUTPUT + "=" + out + "/output-" + name + ".log",
                Sandbox.PARAMETER + "=" + containment.sandbox().kind().value(),
                GradingHost.SELECTION + "=" + selection.name()));
        return command;
    }
}
