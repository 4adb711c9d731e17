package org.socklab.grader.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;

/**
 * How a process that runs student code (a server's child JVM, a direct check's JVM) is started:
 * the hook that turns the harness's {@code java ...} command line into the one actually run.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: the command as it is, as the grader's own user (a student's
 *       {@code mvn test}, or a machine without bubblewrap).</li>
 *   <li>{@link Kind#BWRAP}: inside a bubblewrap sandbox nested in the grading JVM's own one (the
 *       command starts that outer sandbox, with its private network, see the cli's
 *       {@code SandboxedGrading}). The inner one shares the outer's network namespace, so the
 *       grader's clients reach the server over the loopback and nothing else is reachable, and
 *       has a PID namespace of its own (the student's process sees, signals and attaches to no
 *       process of the grader; killing the sandbox's first process ends every process in it,
 *       orphans started with {@code setsid} or a double fork included), a new session, no
 *       environment, the outer file system read-only with a private size-limited {@code /tmp},
 *       and {@code prlimit}'s file-size and CPU-time limits.</li>
 * </ul>
 *
 * <p>Resident memory and the number of processes are bounded from outside, by the child's
 * watchdog ({@link #overLimit(ProcessHandle)}), whatever the kind: Linux has no rlimit for
 * either that holds for root.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind how student processes are contained
 * @param limits the bounds in force
 */
public record Sandbox(Kind kind, Limits limits) {
    /** The JUnit configuration parameter naming the kind: {@code none} (default) or {@code bwrap}. */
    public static final String PARAMETER = "socklab.sandbox";

    /** No sandbox: the command as it is, bounded by the watchdog alone. */
    public static final Sandbox NONE = new Sandbox(Kind.NONE, Limits.DEFAULT);

    /** How student processes are contained. */
    public enum Kind {
        /** Not contained: student code runs as the grader's user. */
        NONE,
        /** Inside a bubblewrap sandbox. */
        BWRAP;

        /** The word used on the command line, in configuration parameters and in reports. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named {@code value}. */
        public static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.value().equals(value.strip())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(PARAMETER + ": none or bwrap, not " + value);
        }
    }

    /**
     * The bounds on one sandbox of student code.
     *
     * @param memoryMb resident memory of all its processes together, in MiB (the JVM's heap is
     *        {@value ChildJvm#HEAP_MB} MiB of it)
     * @param processes processes alive in it at once, the sandbox's own included
     * @param fileSizeMb the largest file it may write, in MiB
     * @param cpuSeconds CPU time per process, in seconds
     * @param tmpMb the size of its private {@code /tmp}, in MiB
     */
    public record Limits(int memoryMb, int processes, int fileSizeMb, int cpuSeconds, int tmpMb) {
        /** What a correct server needs many times over, and far less than a shared machine has. */
        public static final Limits DEFAULT = new Limits(512, 16, 16, 120, 64);

        /** For reports: {@code memory 512 MiB, 16 processes, files 16 MiB, CPU 120 s per process, /tmp 64 MiB}; rendered by the report, in its language. */
        public Feedback feedback() {
            return CoreFeedback.sandboxLimits(memoryMb, processes, fileSizeMb, cpuSeconds, tmpMb);
        }
    }

    /** The sandbox named by the configuration parameter's value; absent or blank: {@link #NONE}. */
    public static Sandbox of(Optional<String> parameter) {
        return parameter
                .filter(value -> !value.isBlank())
                .map(value -> new Sandbox(Kind.parse(value), Limits.DEFAULT))
                .orElse(NONE);
    }

    /** The command line that runs {@code command} (a {@code java ...} command) under this sandbox. */
    public List<String> wrap(List<String> command) {
        if (kind == Kind.NONE) {
            return command;
        }
        long mib = 1024L * 1024L;
        List<String> wrapped = new ArrayList<>(List.of(
                "prlimit",
                "--fsize=" + limits.fileSizeMb() * mib,
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 5),
                "--core=0",
                "--",
                "bwrap",
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--unshare-cgroup-try",
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
                "/",
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--size",
                Long.toString(limits.tmpMb() * mib),
                "--tmpfs",
                "/tmp"));
        // the private /tmp hides whatever the host keeps there: class path entries under it (a
        // build in a temporary folder) are bound again, read-only, at the same place
        for (String entry : classPath(command)) {
            if (entry.equals("/tmp") || entry.startsWith("/tmp/")) {
                wrapped.addAll(List.of("--ro-bind", entry, entry));
            }
        }
        wrapped.addAll(List.of("--chdir", "/tmp", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** The entries of the command's {@code -cp} argument, if it has one. */
    private static List<String> classPath(List<String> command) {
        int at = command.indexOf("-cp");
        if (at < 0 || at + 1 >= command.size()) {
            return List.of();
        }
        return List.of(command.get(at + 1).split(java.io.File.pathSeparator));
    }

    /**
     * Starts {@code command} (a {@code java ...} command) under this sandbox, with pipes for its
     * standard streams.
     *
     * <p>Started from one long-lived thread of this JVM's: bubblewrap's {@code --die-with-parent}
     * is Linux's parent-death signal, which fires when the <em>thread</em> that started the
     * process ends, and a test's thread may end long before the process should.
     *
     * @throws IOException if it cannot be started
     */
    public Process start(List<String> command) throws IOException {
        List<String> wrapped = wrap(command);
        return kind == Kind.NONE ? new ProcessBuilder(wrapped).start() : startKept(new ProcessBuilder(wrapped));
    }

    /**
     * Starts a process from the long-lived thread (see {@link #start}), for a process run with
     * {@code bwrap --die-with-parent} that must live as long as this JVM wants it to.
     *
     * @throws IOException if it cannot be started
     */
    public static Process startKept(ProcessBuilder builder) throws IOException {
        try {
            return Starter.THREAD.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting a process", e);
        }
    }

    /** The thread that starts sandboxed processes: it lives as long as this JVM. */
    private static final class Starter {
        static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "socklab-sandbox-starter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The JVM that {@code process} (started from {@link #wrap}) runs: the process itself without a
     * sandbox; inside one, the java process the sandbox started, once it exists (until then, the
     * sandbox's own process, which has no thread or socket of interest).
     */
    ProcessHandle jvm(Process process) {
        if (kind == Kind.NONE) {
            return process.toHandle();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return process.descendants()
                .filter(handle -> handle.info().command().map(java::equals).orElse(false))
                .findFirst()
                .orElse(process.toHandle());
    }

    /**
     * What bound the processes of a sandbox break now, if any: resident memory (of {@code jvm}
     * alone, a cheap reading for every tick; of the whole tree under {@code root} when
     * {@code wholeTree} and in a sandbox), and the number of processes in that tree. Linux only;
     * elsewhere never.
     */
    Optional<Limit> overLimit(ProcessHandle root, ProcessHandle jvm, boolean wholeTree) {
        if (!ProcFs.available()) {
            return Optional.empty();
        }
        long bound = limits.memoryMb() * 1024L * 1024L;
        // without a sandbox, the tree is not worth a scan of every process: an orphan leaves it anyway
        if (!wholeTree || kind == Kind.NONE) {
            return Resident.bytes(jvm.pid()) > bound ? Optional.of(Limit.MEMORY) : Optional.empty();
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        if (tree.size() > limits.processes() + sandboxProcesses()) {
            return Optional.of(Limit.PROCESSES);
        }
        long resident = 0;
        for (ProcessHandle handle : tree) {
            resident += Resident.bytes(handle.pid());
        }
        return resident > bound ? Optional.of(Limit.MEMORY) : Optional.empty();
    }

    /**
     * Why a process of this sandbox ended with {@code status}, when a limit ended it: the
     * CPU-time limit's SIGXCPU (bwrap exits with 128 plus the signal, as a shell does).
     */
    Optional<Feedback> exitReason(int status) {
        return kind != Kind.NONE && status == 128 + 24
                ? Optional.of(CoreFeedback.processOutOfCpu(limits.cpuSeconds()))
                : Optional.empty();
    }

    /**
     * Watches a process started by {@link #start} until it ends, for a JVM that has no watchdog of
     * its own (a direct check's): when it breaks a bound of {@link #overLimit}, kills it, and
     * everything it started, and hands the feedback to {@code onLimit}. A daemon thread.
     */
    void guard(Process process, Consumer<Feedback> onLimit) {
        Thread guard = new Thread(
                () -> {
                    int ticks = 0;
                    while (process.isAlive()) {
                        Optional<Limit> limit = overLimit(process.toHandle(), jvm(process), ++ticks % 5 == 0);
                        if (limit.isPresent()) {
                            onLimit.accept(limit.get().feedback(limits));
                            process.descendants().forEach(ProcessHandle::destroyForcibly);
                            process.destroyForcibly();
                            return;
                        }
                        try {
                            process.waitFor(50, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "socklab-sandbox-guard");
        guard.setDaemon(true);
        guard.start();
    }

    /** bubblewrap's own processes (its monitor and the namespace's first process) do not count. */
    private int sandboxProcesses() {
        return kind == Kind.NONE ? 0 : 2;
    }

    /** The bounds the watchdog enforces from outside. */
    enum Limit {
        MEMORY,
        PROCESSES;

        /** The feedback of the tests a child killed for breaking this bound was serving. */
        Feedback feedback(Limits limits) {
            return this == MEMORY
                    ? CoreFeedback.processTooMuchMemory(limits.memoryMb())
                    : CoreFeedback.processTooManyProcesses(limits.processes());
        }
    }
}
