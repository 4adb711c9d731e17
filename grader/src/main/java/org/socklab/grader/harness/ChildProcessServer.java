package org.socklab.grader.harness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.NotApplicable;

/**
 * A student's {@code serve} running in a {@link ChildJvm}: the tests reach it over TCP, and see its
 * threads and CPU time through {@code /proc}, counted against the threads the child had just
 * before this {@code serve} started (the JVM's own, and those of earlier servers).
 *
 * <p>Stopping it works as in this JVM: close the clients, then the listener (the child closes it
 * when told), then wait {@link InProcessServer#STOP_DEADLINE} for {@code serve} to return; past
 * that, the whole child is killed, which is what makes an endless loop cost a bounded time. Only
 * the first such test of an exercise is failed for it, and later ones wait less (see
 * {@link ExerciseLedger}).
 *
 * <p>Thread-safe.
 */
final class ChildProcessServer implements RunningServer {
    private final ChildJvm jvm;
    private final String id;
    private final Set<Long> baselineThreads;
    private final List<LineClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicReference<Feedback> ended = new AtomicReference<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch over = new CountDownLatch(1);
    private volatile int port = -1;
    private volatile boolean stopping;

    ChildProcessServer(ChildJvm jvm, String id, Set<Long> baselineThreads) {
        this.jvm = jvm;
        this.id = id;
        this.baselineThreads = Set.copyOf(baselineThreads);
    }

    /** Waits until the child bound our listener; false if it did not within the deadline, or the child ended. */
    boolean awaitListening(Duration deadline) {
        try {
            listening.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return port >= 0;
    }

    /** The child bound our listener. */
    void listening(int port) {
        this.port = port;
        listening.countDown();
    }

    /** The child says how {@code serve} ended. */
    void ended(String outcome, List<String> details) {
        String serverClass = jvm.exercise().serverClassName();
        Feedback feedback = switch (outcome) {
            case "returned" -> stopping ? null : CoreFeedback.serverReturned();
            case "threw" -> stopping ? null : CoreFeedback.serverCrashed(detail(details, 0), detail(details, 1));
            case "not-implemented" -> CoreFeedback.notImplemented(serverClass);
            case "class-missing" -> CoreFeedback.classMissing(serverClass);
            case "no-serve" -> CoreFeedback.serveMissing(serverClass, signature());
            default -> CoreFeedback.cannotStart(detail(details, 0), detail(details, 1));
        };
        if (feedback != null) {
            ended.compareAndSet(null, feedback);
        }
        over.countDown();
    }

    /** The whole child ended (on its own, or killed by a bound). */
    void processEnded(Feedback reason) {
        if (!stopping) {
            ended.compareAndSet(null, reason);
        }
        listening.countDown();
        over.countDown();
    }

    private String signature() {
        StringBuilder out = new StringBuilder("ServerSocket");
        jvm.exercise().extraServeParameters().forEach(type -> out.append(", ").append(type.getSimpleName()));
        return out.toString();
    }

    private static String detail(List<String> details, int index) {
        return index < details.size() ? details.get(index) : "?";
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    @Override
    public LineClient connect() {
        LineClient client = LineClient.connect(address(), this::diagnosis, probe());
        clients.add(client);
        return client;
    }

    @Override
    public ServerProbe probe() {
        if (!ProcFs.available()) {
            return new UnavailableProbe();
        }
        return new ProcessProbe(jvm.pid(), baselineThreads);
    }

    @Override
    public Optional<Feedback> diagnosis() {
        if (ended.get() == null && over.getCount() > 0) {
            // The child reports an end before it closes the listener, but its line may still be on
            // its way: a round trip on the control channel brings it in, if there is one.
            jvm.sync();
        }
        return Optional.ofNullable(ended.get());
    }

    @Override
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        for (LineClient client : clients) {
            client.close();
        }
        jvm.stop(id);
        ExerciseLedger ledger = jvm.ledger();
        boolean returned;
        try {
            returned = over.await(ledger.stopDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            returned = false;
        }
        if (!returned) {
            Feedback reason = CoreFeedback.serverWouldNotStop(InProcessServer.STOP_DEADLINE);
            jvm.kill(reason);
            if (ledger.chargeStop()) {
                throw new GradedFailure(reason);
            }
            // an earlier test of this exercise was failed for it: this one keeps its verdict
        }
    }

    /** The threads the child started since this server's baseline, and their CPU time, from {@code /proc}. */
    private record ProcessProbe(long pid, Set<Long> baseline) implements ServerProbe {
        @Override
        public int liveThreads() {
            return (int) ProcFs.threads(pid).stream()
                    .filter(thread -> !baseline.contains(thread))
                    .count();
        }

        @Override
        public Duration cpuTime() {
            Duration total = Duration.ZERO;
            for (long thread : ProcFs.threads(pid)) {
                if (!baseline.contains(thread)) {
                    total = total.plus(ProcFs.cpuTime(pid, thread));
                }
            }
            return total;
        }

        @Override
        public OptionalLong blockedForGood() {
            Set<Long> threads = new HashSet<>(ProcFs.threads(pid));
            threads.removeAll(baseline);
            return BlockedThreads.allBlocked(pid, threads);
        }
    }

    /** Where {@code /proc} is missing, a check that needs it is not made rather than guessed. */
    private static final class UnavailableProbe implements ServerProbe {
        @Override
        public int liveThreads() {
            throw new NotApplicable(CoreFeedback.probeUnavailable());
        }

        @Override
        public Duration cpuTime() {
            throw new NotApplicable(CoreFeedback.probeUnavailable());
        }
    }
}
