package org.socklab.cli.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.socklab.cli.CliFailure;
import org.socklab.cli.grading.CompileHost.Reply;
import org.socklab.grader.child.BoundedLineReader;
import org.socklab.grader.harness.Sandbox;
import org.socklab.grader.score.GradingJvm;

/**
 * A warm javac in the sandbox for one {@code grade-all} worker: one JVM ({@link CompileHost}) that
 * compiles one submission after another, so that each pays javac's work, not its start and
 * warm-up (measured on the reference: 1.3-1.6 s of CPU for a javac of its own, 0.1-0.4 s in a
 * warm one).
 *
 * <p>Its folder holds {@code javac/src}, where a submission's sources are copied before it is
 * compiled, {@code javac/classes}, where javac writes and from where the classes are copied out,
 * and {@code javac/javac.log}; {@code javac} is the only folder the sandbox binds writable, and all
 * three are emptied before each compilation, so that nothing of one submission joins the next.
 * javac runs no code of a submission, as with a javac of its own ({@link Compilation}).
 *
 * <p>Bounds: {@link Compilation#DEADLINE} for each compilation (at it the process ends, with its
 * sandbox, and the next compilation starts a fresh one, as after any compilation that failed); {@code prlimit}'s file-size bound and a
 * 512 MiB heap, as for a javac of its own; a CPU bound on the whole process, far above what
 * {@value #COMPILES} compilations need, and a fresh process after that many.
 *
 * <p>Not thread-safe: confined to one worker thread, but for {@link #close}.
 */
final class CompilerService implements AutoCloseable {
    /** Compilations one process makes before a fresh one takes over. */
    static final int COMPILES = 64;

    private static final String INSIDE = "/socklab";
    /** Where the sandbox binds {@link #bound}. */
    private static final String BOUND_INSIDE = INSIDE + "/javac";

    private static final long CPU_SECONDS = 2 * COMPILES * Compilation.DEADLINE.toSeconds();
    private static final int REPLY_BYTES = 64;

    private final Path folder;
    private final Path bound;
    private final Path src;
    private final Path classes;
    private final Path log;
    private volatile Process process;
    private OutputStream requests;
    private BlockingQueue<Reply> replies;
    private int compiles;
    private volatile int starts;

    private CompilerService(Path folder) throws IOException {
        this.folder = folder;
        this.bound = Files.createDirectories(folder.resolve("javac"));
        this.src = Files.createDirectories(bound.resolve("src"));
        this.classes = Files.createDirectories(bound.resolve("classes"));
        this.log = bound.resolve("javac.log");
    }

    /** A service in {@code folder} (made); its process starts with the first compilation. */
    static CompilerService in(Path folder) {
        try {
            return new CompilerService(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code files}, under {@code sources}, into {@code target}: what javac said when it failed, else empty. */
    String compile(Path sources, List<Path> files, Path target) {
        try {
            Folders.empty(src);
            Folders.empty(classes);
            Files.deleteIfExists(log);
            for (Path file : files) {
                Path copy = src.resolve(sources.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy, LinkOption.NOFOLLOW_LINKS);
            }
            if (process == null || !process.isAlive() || compiles >= COMPILES || !ask()) {
                restart();
                if (!ask()) {
                    stop();
                    return Compilation.failed("");
                }
            }
            Reply reply = replies.poll(Compilation.DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            if (reply == null) {
                stop();
                return Compilation.notFinished();
            }
            return switch (reply) {
                case SUCCEEDED -> {
                    Folders.copyTree(classes, target);
                    yield "";
                }
                case FAILED -> {
                    stop(); // javac may have failed of its own (out of memory): the next one starts afresh
                    yield Compilation.errorsIn(log);
                }
                case ENDED -> {
                    stop(); // killed at a bound (a class file too large), or could not start
                    yield Files.exists(log, LinkOption.NOFOLLOW_LINKS)
                            ? Compilation.errorsIn(log)
                            : Compilation.failed("");
                }
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return Compilation.INTERRUPTED;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request to the running process: false if it cannot take one (it has just ended). */
    private boolean ask() {
        try {
            requests.write((CompileHost.REQUEST + "\n").getBytes(StandardCharsets.US_ASCII));
            requests.flush();
            compiles++;
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** How many processes this service has started, for tests. */
    int starts() {
        return starts;
    }

    private void restart() throws IOException {
        stop();
        Path javaHome = Path.of(System.getProperty("java.home"));
        if (!Files.isExecutable(javaHome.resolve("bin").resolve("javac"))) {
            throw new CliFailure("no Java compiler here: run socklab with a JDK, not a JRE");
        }
        Path host = hostClassPath();
        String hostInside = INSIDE + (Files.isDirectory(host) ? "/host" : "/host.jar");
        List<String> command = GradingJvm.sandbox(javaHome);
        command.addAll(List.of(
                "--ro-bind",
                host.toString(),
                hostInside,
                "--bind",
                bound.toAbsolutePath().toString(),
                BOUND_INSIDE,
                "--chdir",
                BOUND_INSIDE + "/src",
                "--",
                "prlimit",
                "--fsize=" + 16L * 1024 * 1024,
                "--cpu=" + CPU_SECONDS,
                "--core=0",
                "--",
                javaHome.resolve("bin").resolve("java").toString(),
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-cp",
                hostInside,
                CompileHost.class.getName(),
                BOUND_INSIDE + "/javac.log"));
        command.addAll(Compilation.options(BOUND_INSIDE + "/classes"));
        Process started = Sandbox.startKept(new ProcessBuilder(command)
                .redirectError(folder.resolve("host.log").toFile()));
        BlockingQueue<Reply> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> read(started, queue), "socklab-javac-replies");
        reader.setDaemon(true);
        reader.start();
        process = started;
        requests = started.getOutputStream();
        replies = queue;
        compiles = 0;
        starts++;
    }

    /** Puts the host's replies in {@code queue}, then {@link Reply#ENDED}: any other line ends it too. */
    private static void read(Process process, BlockingQueue<Reply> queue) {
        BoundedLineReader lines = new BoundedLineReader(process.getInputStream(), REPLY_BYTES);
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.equals(Reply.SUCCEEDED.name())) {
                    queue.add(Reply.SUCCEEDED);
                } else if (line.equals(Reply.FAILED.name())) {
                    queue.add(Reply.FAILED);
                } else {
                    break;
                }
            }
        } catch (IOException e) {
            // as at its end
        }
        queue.add(Reply.ENDED);
    }

    /** The jar or folder that holds {@link CompileHost}: all the host needs beside the JDK. */
    private static Path hostClassPath() {
        try {
            return Path.of(CompileHost.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the process, with its sandbox, if there is one. */
    private void stop() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
