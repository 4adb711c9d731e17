package org.socklab.grader.score;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.harness.Floor;
import org.socklab.grader.harness.Isolation;
import org.socklab.grader.harness.Sandbox;
import org.socklab.grader.harness.ServerExtension;
import org.socklab.grader.harness.SharedClasses;

/**
 * A grading JVM ({@link GradingHost}) that grades exercises of one compiled submission one after
 * another, each when asked, and hands back each one's score. It runs the grader's trusted tests;
 * the student's servers and direct checks are its children ({@link Isolation#CHILD_PROCESS}),
 * every one of them ended before the next exercise starts, so an exercise meets nothing of the one
 * before (one JVM per exercise cost a submission about 7 s more CPU: a start and a warm-up each).
 *
 * <p>With a bubblewrap {@link Containment}, the grading JVM starts inside a sandbox of its own: its
 * own network namespace (only a loopback, where its clients and the student's servers meet), PID
 * and mount namespaces; it sees the system's programs and libraries ({@code /usr}, {@code /etc}),
 * the JDK, the grader's class path and the submission's classes read-only, a private {@code /tmp}
 * and one writable folder, {@code scratch}, for the servers' output; no home, no other
 * submission, no report folder. Student processes are nested in it ({@link Sandbox}).
 *
 * <p>An exercise that does not hand back its whole score within {@link #DEADLINE} scores zero,
 * saying so, and costs that exercise alone: its JVM is killed with the whole sandbox, and the next
 * exercise is graded by a fresh one.
 *
 * <p>Not thread-safe: confined to the thread that grades with it. Close it to end its JVM.
 */
public final class GradingJvm implements AutoCloseable {
    /** A backstop far above any exercise's own bounds: the harness ends every wait long before. */
    static final Duration DEADLINE = Duration.ofMinutes(10);

    private static final String INSIDE = "/socklab";
    private static final int MAX_SCORE_LINES = 10_000;
    private static final String ENDED = new String("ended"); // identity marks the end of the stream

    private final TestSelection selection;
    private final Path classes;
    private final Path scratch;
    private final Containment containment;
    private Process process;
    private Writer keys;
    private BlockingQueue<String> lines;

    private GradingJvm(TestSelection selection, Path classes, Path scratch, Containment containment) {
        this.selection = selection;
        this.classes = classes;
        this.scratch = scratch;
        this.containment = containment;
    }

    /**
     * A grading JVM for the classes in {@code classes}, started with the first exercise it grades;
     * the servers' output goes to {@code scratch/output-<exercise>.log}, each JVM's own to {@code
     * scratch/grading-<its first exercise>.log}.
     */
    public static GradingJvm of(TestSelection selection, Path classes, Path scratch, Containment containment) {
        return new GradingJvm(selection, classes, scratch, containment);
    }

    /** The score of {@code exercise}; zero, saying why, when its grading gave none. */
    public ScoreReport grade(Exercise exercise) {
        boolean started = process == null;
        if (started) {
            try {
                start(exercise);
            } catch (IOException e) {
                return Grading.failed(
                        EnumSet.of(exercise),
                        selection,
                        CoreFeedback.gradingCannotStart(String.valueOf(e.getMessage())));
            }
        }
        try {
            keys.write(exercise.key() + "\n");
            keys.flush();
            ScoreReport report = ScoreLines.read(score(System.nanoTime() + DEADLINE.toNanos()));
            if (report.exercises().size() != 1 || report.exercises().get(0).exercise() != exercise) {
                throw new IllegalArgumentException("not the score of " + exercise.key());
            }
            return started ? countingItsStart(report) : report;
        } catch (IOException | IllegalArgumentException e) {
            return failed(exercise, exitStatus());
        } catch (TimeoutException e) {
            return failed(exercise, "killed after " + DEADLINE.toMinutes() + " min");
        } catch (InterruptedException e) {
            // a timeout of grade-all, or Ctrl-C: the sandbox ends, and all in it
            Thread.currentThread().interrupt();
            return failed(exercise, "interrupted");
        }
    }

    /** Ends the grading JVM, with its sandbox and every process in it. */
    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process = null;
        }
    }

    private ScoreReport failed(Exercise exercise, String status) {
        close();
        return Grading.failed(EnumSet.of(exercise), selection, CoreFeedback.gradingWithoutScore(status));
    }

    private void start(Exercise first) throws IOException {
        Process started = Sandbox.startKept(new ProcessBuilder(command(selection, classes, scratch, containment))
                .redirectError(
                        scratch.resolve("grading-" + first.key() + ".log").toFile()));
        BlockingQueue<String> read = new LinkedBlockingQueue<>(MAX_SCORE_LINES);
        Thread reader = new Thread(() -> read(started, read), "socklab-grading-score-" + first.key());
        reader.setDaemon(true);
        reader.start();
        process = started;
        keys = new OutputStreamWriter(started.getOutputStream(), StandardCharsets.UTF_8);
        lines = read;
    }

    /** One exercise's score lines, up to its {@code end}, read by {@code deadline} ({@link System#nanoTime()}). */
    private List<String> score(long deadline) throws InterruptedException, TimeoutException {
        List<String> score = new ArrayList<>();
        while (score.size() < MAX_SCORE_LINES) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException();
            }
            if (line == ENDED) {
                throw new IllegalArgumentException("the grading JVM ended");
            }
            score.add(line);
            if (line.equals(ScoreLines.END)) {
                return score;
            }
        }
        throw new IllegalArgumentException("more than " + MAX_SCORE_LINES + " score lines");
    }

    /** The exit status of an ended grading JVM, after a few seconds at most; {@code ?} if it runs on. */
    private String exitStatus() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
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
     * The lines of the grading JVM's standard output, then {@link #ENDED}; at most as many unread as
     * the queue holds ({@value #MAX_SCORE_LINES}: more than a score can be, so the reading stops there
     * and the score is refused).
     */
    private static void read(Process process, BlockingQueue<String> lines) {
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && lines.offer(line)) {
                // read on
            }
        } catch (IOException e) {
            // the process is gone: what was read is judged whole or not
        } finally {
            lines.offer(ENDED);
        }
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

    private static List<String> command(TestSelection selection, Path classes, Path scratch, Containment containment) {
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
                GradingHost.OUTPUT + "=" + out,
                ServerExtension.CLASSES + "=" + submission,
                ServerExtension.ISOLATION + "=" + Isolation.CHILD_PROCESS.value(),
                Sandbox.PARAMETER + "=" + containment.sandbox().kind().value(),
                GradingHost.SELECTION + "=" + selection.name()));
        return command;
    }
}
