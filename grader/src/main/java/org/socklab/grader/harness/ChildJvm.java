package org.socklab.grader.harness;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * A child JVM that runs one exercise's servers ({@link ServerHost}), and the grader's side of it:
 * the control channel on its standard input and output, and a watchdog that reads {@code /proc}.
 *
 * <p>Bounds, each of which kills the child (and its descendants) and becomes the feedback of the
 * tests it was serving: a heap of {@value #HEAP_MB} MiB; at most {@value #THREAD_LIMIT} live
 * threads; no listening socket other than the listeners the grader asked for (a server that binds
 * its own port); a lifetime of {@link #LIFETIME}. A {@code serve} that does not return within
 * {@link InProcessServer#STOP_DEADLINE} of being stopped is killed by {@link ChildProcessServer}.
 *
 * <p>Thread-safe. Its reader and watchdog are daemon threads that end with the child.
 */
final class ChildJvm {
    static final int HEAP_MB = 256;
    static final int THREAD_LIMIT = 1000;
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration START_DEADLINE = Duration.ofSeconds(20);
    private static final Duration WATCH_PERIOD = Duration.ofMillis(50);
    private static final int MAX_LINE = 8192;
    /** The whole process tree is read every this many ticks, the JVM's own memory every tick. */
    private static final int TREE_EVERY = 5;

    private final Exercise exercise;
    private final Sandbox sandbox;
    private final Process process;
    private final OutputStream commands;
    private final ChildOutput output;
    private final long startedAt = System.nanoTime();
    private final Map<String, ChildProcessServer> servers = new ConcurrentHashMap<>();
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Feedback> death = new AtomicReference<>();
    private final AtomicInteger nextId = new AtomicInteger();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch gone = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile ProcessHandle jvm;

    private ChildJvm(Exercise exercise, Sandbox sandbox, Process process, ChildOutput output) {
        this.exercise = exercise;
        this.sandbox = sandbox;
        this.process = process;
        this.commands = process.getOutputStream();
        this.output = output;
    }

    /** Starts a child for the exercise's server class, found on the grader's class path plus {@code classes}. */
    static ChildJvm start(Exercise exercise, List<Path> classes, ChildOutput output, Sandbox sandbox) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:MaxDirectMemorySize=64m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:-UseDynamicNumberOfCompilerThreads", "-Xshare:auto",
                "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-cp", classPath(classes), ServerHost.class.getName(), exercise.serverClassName()));
        Process process;
        try {
            process = sandbox.start(command);
        } catch (IOException e) {
            throw new GradedFailure(CoreFeedback.processCannotStart(e.getMessage()), e);
        }
        ChildJvm child = new ChildJvm(exercise, sandbox, process, output);
        child.daemon("socklab-child-out-" + exercise.key(), () -> child.readControl(process.getInputStream()));
        child.daemon("socklab-child-err-" + exercise.key(), () -> child.readLines(process.getErrorStream(),
                line -> output.line(exercise.key(), line)));
        child.daemon("socklab-child-watch-" + exercise.key(), child::watch);
        try {
            if (!child.ready.await(START_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                child.kill(CoreFeedback.processCannotStart("no answer within " + START_DEADLINE.toSeconds() + " s"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.kill(CoreFeedback.processCannotStart("interrupted"));
        }
        if (!child.alive()) {
            throw new GradedFailure(child.death().orElse(CoreFeedback.processCannotStart("it ended at once")));
        }
        return child;
    }

    private static String classPath(List<Path> classes) {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(ServerHost.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the grader's classes", e);
        }
        classes.forEach(entry -> entries.add(entry.toAbsolutePath().toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** Starts the exercise's {@code serve} on a new listener in this child; returns once it listens. */
    ChildProcessServer serve(List<Object> extraArguments) {
        String id = Integer.toString(nextId.incrementAndGet());
        StringBuilder command = new StringBuilder("serve ").append(id);
        for (Object argument : extraArguments) {
            command.append(' ').append(typed(argument));
        }
        ChildProcessServer server = new ChildProcessServer(this, id, ProcFs.threads(pid()));
        servers.put(id, server);
        send(command.toString());
        server.awaitListening(START_DEADLINE);
        return server;
    }

    private static String typed(Object argument) {
        if (argument instanceof Integer) {
            return "int:" + argument;
        }
        if (argument instanceof Long) {
            return "long:" + argument;
        }
        if (argument instanceof Boolean) {
            return "boolean:" + argument;
        }
        return "string:" + ServerHost.encode(String.valueOf(argument));
    }

    /** Asks the child to close a server's listener. */
    void stop(String id) {
        send("stop " + id);
    }

    private synchronized void send(String command) {
        try {
            commands.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        } catch (IOException e) {
            // the child is gone: the reader has seen it, or soon will, and says why
        }
    }

    /** The child JVM's process id: inside a sandbox, the java process it runs, not the sandbox's own. */
    long pid() {
        ProcessHandle known = jvm;
        if (known == null || known.pid() == process.pid()) {
            known = sandbox.jvm(process);
            jvm = known;
        }
        return known.pid();
    }

    Exercise exercise() {
        return exercise;
    }

    /**
     * Whether the child can host servers: it has neither ended nor been killed. A kill counts at
     * once, although the process takes a moment to go, so that the next test is not started in a
     * child that is dying (and reported with the reason it was killed for).
     */
    boolean alive() {
        return death.get() == null && process.isAlive() && gone.getCount() > 0;
    }

    /** Why the child ended, if it ended on its own or was killed by a bound; empty if alive or closed by us. */
    Optional<Feedback> death() {
        return Optional.ofNullable(death.get());
    }

    /** Kills the child and everything it started; {@code reason} becomes the feedback of its servers' tests. */
    void kill(Feedback reason) {
        death.compareAndSet(null, reason);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Ends the child at the end of a run: closing its input makes the host halt; force follows. */
    void close() {
        closing = true;
        try {
            commands.close();
        } catch (IOException ignored) {
            // it may be gone already
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readControl(InputStream in) {
        readLines(in, line -> {
            if (line.startsWith(ServerHost.PREFIX)) {
                control(line.substring(ServerHost.PREFIX.length()).split(" "));
            } else {
                output.line(exercise.key(), line);
            }
        });
        // end of its standard output: the child is gone
        int status = -1;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                status = process.exitValue();
            } else {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closing) {
            death.compareAndSet(null, sandbox.exitReason(status).orElse(CoreFeedback.processExited(status)));
        }
        gone.countDown();
        ready.countDown();
        Feedback reason = death.get() != null ? death.get() : CoreFeedback.processExited(status);
        servers.values().forEach(server -> server.processEnded(reason));
    }

    private void control(String[] words) {
        switch (words[0]) {
            case "ready" -> ready.countDown();
            case "listening" -> {
                if (words.length == 3) {
                    int port = Integer.parseInt(words[2]);
                    ownPorts.add(port);
                    ChildProcessServer server = servers.get(words[1]);
                    if (server != null) {
                        server.listening(port);
                    }
                }
            }
            case "ended" -> {
                ChildProcessServer server = words.length >= 3 ? servers.get(words[1]) : null;
                if (server != null) {
                    server.ended(words[2], decoded(words, 3));
                }
            }
            default -> {
                // not ours: a student's line that happens to start like ours
            }
        }
    }

    private static List<String> decoded(String[] words, int from) {
        List<String> texts = new ArrayList<>();
        for (int i = from; i < words.length; i++) {
            try {
                texts.add(ServerHost.decode(words[i]));
            } catch (IllegalArgumentException e) {
                texts.add(words[i]);
            }
        }
        return texts;
    }

    /** Reads lines of at most {@value #MAX_LINE} bytes (the rest of a longer line is dropped) until end of stream. */
    private void readLines(InputStream in, Consumer<String> sink) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        sink.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (line.size() < MAX_LINE) {
                        line.write(b);
                    }
                }
            }
            if (line.size() > 0) {
                sink.accept(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // the child is gone
        }
    }

    private void watch() {
        boolean linux = ProcFs.available();
        Set<Integer> suspicious = new HashSet<>();
        int ticks = 0;
        while (gone.getCount() > 0 && process.isAlive()) {
            if (linux) {
                Optional<Sandbox.Limit> limit = sandbox.overLimit(process.toHandle(), ProcessHandle.of(pid())
                        .orElse(process.toHandle()), ++ticks % TREE_EVERY == 0);
                if (limit.isPresent()) {
                    kill(limit.get().feedback(sandbox.limits()));
                    return;
                }
                if (ProcFs.threadCount(pid()) > THREAD_LIMIT) {
                    kill(CoreFeedback.processTooManyThreads(THREAD_LIMIT));
                    return;
                }
                Set<Integer> foreign = ProcFs.listeningPorts(pid());
                foreign.removeAll(ownPorts);
                // seen twice in a row: a listener of ours may be bound before its port reached us
                for (Integer port : foreign) {
                    if (suspicious.contains(port)) {
                        kill(CoreFeedback.processForeignListener(port));
                        return;
                    }
                }
                suspicious = foreign;
            }
            if (System.nanoTime() - startedAt > LIFETIME.toNanos()) {
                kill(CoreFeedback.processOutOfTime(LIFETIME));
                return;
            }
            try {
                gone.await(WATCH_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
