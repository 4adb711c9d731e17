package org.socklab.grader.harness;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.Exercise;
import org.socklab.grader.child.ControlChannel;
import org.socklab.grader.child.InitializerWatch;
import org.socklab.grader.child.ServerHost;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * A child JVM that runs one exercise's servers ({@link ServerHost}), and the grader's side of it:
 * its {@link ControlChannel}, and its standard output and error, which are the student's and are
 * only captured ({@link ChildOutput}), never read as messages.
 *
 * <p>Bounds, each of which kills the child (and its descendants) and becomes the feedback of the
 * tests it was serving: a heap of {@value #HEAP_MB} MiB; at most {@value #THREAD_LIMIT} live
 * threads, no listening socket other than the listeners the grader asked for, and a lifetime of
 * {@link #LIFETIME} (all three watched by the run's {@link Watchdog}); a static initializer of the
 * submission that never ends ({@link InitializerWatch}), which also loses the exercise (see
 * {@link ExerciseLedger}). A {@code serve} that does not return once stopped is killed by
 * {@link ChildProcessServer}. Starting is bounded by {@link #START_DEADLINE}: a child that does not
 * connect, or does not listen, within it loses the exercise, since a new one would do no better.
 *
 * <p>Thread-safe. Its readers are daemon threads that end with the child.
 */
final class ChildJvm {
    static final int HEAP_MB = 256;
    static final int THREAD_LIMIT = 1000;
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration START_DEADLINE = Duration.ofSeconds(20);
    /** How long {@link #sync} waits for the child's answer: it only ever has a line to write. */
    private static final Duration SYNC_DEADLINE = Duration.ofSeconds(2);

    private final Exercise exercise;
    private final Sandbox sandbox;
    private final Process process;
    private final ControlChannel control;
    private final ExerciseLedger ledger;
    private final long startedAt = System.nanoTime();
    private final Map<String, ChildProcessServer> servers = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> pings = new ConcurrentHashMap<>();
    private final Set<Integer> ownPorts = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Feedback> death = new AtomicReference<>();
    private final AtomicInteger nextId = new AtomicInteger();
    /** Servers asked for whose port has not come back yet (see {@link #starting()}). */
    private final AtomicInteger starting = new AtomicInteger();

    private final CountDownLatch gone = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile ProcessHandle jvm;

    private ChildJvm(
            Exercise exercise, Sandbox sandbox, Process process, ControlChannel control, ExerciseLedger ledger) {
        this.sandbox = sandbox;
        this.exercise = exercise;
        this.process = process;
        this.control = control;
        this.ledger = ledger;
    }

    /**
     * Starts a child for the exercise's server class, found on the grader's class path plus
     * {@code classes}, and returns once its control channel is connected.
     */
    static ChildJvm start(
            Exercise exercise,
            List<Path> classes,
            ChildOutput output,
            ExerciseLedger ledger,
            Watchdog watchdog,
            Sandbox sandbox) {
        ControlChannel.Pending pending = ControlChannel.listen();
        Process process;
        try {
            process = sandbox.start(command(exercise, classes));
            FloorMeter.jvmStarted();
        } catch (IOException e) {
            pending.close();
            throw lost(ledger, CoreFeedback.processCannotStart(e.getMessage()), e);
        }
        handOver(process, pending.handshake());
        ChildOutput.capture(process.getInputStream(), output, exercise.key());
        ChildOutput.capture(process.getErrorStream(), output, exercise.key());
        process.onExit().thenRun(pending::close);
        ControlChannel control;
        try {
            control = pending.accept(START_DEADLINE);
        } catch (IOException e) {
            Feedback reason = process.isAlive()
                    ? CoreFeedback.processCannotStart(e.getMessage())
                    : CoreFeedback.processExited(exitStatus(process));
            destroy(process);
            throw lost(ledger, reason, e);
        }
        ChildJvm child = new ChildJvm(exercise, sandbox, process, control, ledger);
        Thread reader = new Thread(child::readControl, "socklab-child-control-" + exercise.key());
        reader.setDaemon(true);
        reader.start();
        watchdog.watch(child);
        return child;
    }

    /** The command line of a server host: one place, so that a sandbox can wrap it. */
    static List<String> command(Exercise exercise, List<Path> classes) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m",
                "-XX:MaxDirectMemorySize=64m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UseDynamicNumberOfCompilerThreads",
                "-XX:-UsePerfData",
                "-Xshare:auto"));
        command.addAll(SharedClasses.childOptions());
        command.addAll(List.of(
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-cp",
                classPath(classes),
                ServerHost.class.getName(),
                exercise.serverClassName()));
        return List.copyOf(command);
    }

    /** Writes the control channel's handshake on the child's standard input, and closes it. */
    static void handOver(Process process, String handshake) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(handshake.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the child is gone already: it never connects, which is reported as such
        }
    }

    private static GradedFailure lost(ExerciseLedger ledger, Feedback reason, Throwable cause) {
        ledger.lose(reason);
        return new GradedFailure(reason, cause);
    }

    private static String classPath(List<Path> classes) {
        List<String> entries = new ArrayList<>();
        try {
            entries.add(Path.of(ServerHost.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString());
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
        if (!alive()) {
            server.processEnded(death().orElse(CoreFeedback.processExited(exitStatus(process))));
        }
        starting.incrementAndGet();
        try {
            control.send(command.toString());
            if (!server.awaitListening(START_DEADLINE)) {
                Feedback reason = death().orElseGet(() -> {
                    Feedback never =
                            CoreFeedback.processCannotStart("no listener within " + START_DEADLINE.toSeconds() + " s");
                    ledger.lose(never);
                    kill(never);
                    return never;
                });
                throw new GradedFailure(reason);
            }
        } finally {
            starting.decrementAndGet();
        }
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
        control.send("stop " + id);
    }

    /**
     * A round trip on the control channel: returns once everything the child said before it
     * answered has been handled (the child answers in order), or once the child is gone, or after
     * {@link #SYNC_DEADLINE} if it is too busy to answer.
     */
    void sync() {
        if (!alive()) {
            return;
        }
        String id = "p" + nextId.incrementAndGet();
        CountDownLatch answered = new CountDownLatch(1);
        pings.put(id, answered);
        try {
            if (gone.getCount() > 0 && control.send("ping " + id)) {
                answered.await(SYNC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pings.remove(id);
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

    ExerciseLedger ledger() {
        return ledger;
    }

    /**
     * The sandbox's bound this child breaks now, if any (resident memory, processes): the JVM's
     * own memory on every call, the whole process tree when {@code wholeTree}.
     */
    Optional<Feedback> overLimit(boolean wholeTree) {
        return sandbox.overLimit(process.toHandle(), ProcessHandle.of(pid()).orElse(process.toHandle()), wholeTree)
                .map(limit -> limit.feedback(sandbox.limits()));
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    /** The ports of the listeners this child bound for the grader. */
    Set<Integer> ownPorts() {
        return ownPorts;
    }

    /**
     * Whether a server is being started here: its listener may be bound while its port is still on
     * its way to {@link #ownPorts()}. Once this is false, every listener the harness bound before
     * has its port there (a start ends only after its port is added), so a caller that read the
     * child's sockets before asking judges them against whole knowledge.
     */
    boolean starting() {
        return starting.get() > 0;
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
        destroy(process);
    }

    private static void destroy(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Ends the child: closing its control channel makes the host halt; force follows. */
    void close() {
        closing = true;
        control.close();
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                destroy(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroy(process);
        }
    }

    private void readControl() {
        String line;
        while ((line = control.receive()) != null) {
            control(line.split(" "));
        }
        // the channel ended: the child is gone, or going
        int status = -1;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                status = process.exitValue();
            } else {
                destroy(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closing) {
            death.compareAndSet(null, sandbox.exitReason(status).orElse(CoreFeedback.processExited(status)));
        }
        gone.countDown();
        pings.values().forEach(CountDownLatch::countDown);
        Feedback reason = death.get() != null ? death.get() : CoreFeedback.processExited(status);
        servers.values().forEach(server -> server.processEnded(reason));
    }

    private void control(String[] words) {
        switch (words[0]) {
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
            case "pong" -> {
                CountDownLatch answered = words.length == 2 ? pings.get(words[1]) : null;
                if (answered != null) {
                    answered.countDown();
                }
            }
            case "stuck" -> {
                String className = decoded(words, 1).stream().findFirst().orElse("?");
                Feedback reason = CoreFeedback.initializerStuck(className, InitializerWatch.DEADLINE);
                ledger.lose(reason);
                kill(reason);
            }
            default -> {
                // not a message of the host's
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

    private static int exitStatus(Process process) {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
