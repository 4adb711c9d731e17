package org.socklab.grader.harness;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;

/**
 * A student's {@code serve} running in this JVM, on a thread of its own in a thread group of its
 * own, so that the threads it starts (which inherit the group) can be counted and timed.
 *
 * <p>When {@code serve} ends on its own, the listener is closed at once, so that clients waiting
 * in the backlog see a refused or reset connection instead of a long silence, and the reason is
 * kept for their failure messages.
 *
 * <p>Thread-safe.
 */
final class InProcessServer implements RunningServer {
    /** The contract gives {@code serve} "a few seconds" to return once the listener is closed. */
    static final Duration STOP_DEADLINE = Duration.ofSeconds(5);

    private static final int BACKLOG = 200;

    private final Exercise exercise;
    private final ServerSocket listener;
    private final ThreadGroup group;
    private final Thread serveThread;
    private final List<LineClient> clients = new CopyOnWriteArrayList<>();
    private final AtomicReference<Feedback> ended = new AtomicReference<>();
    private volatile boolean stopping;

    private InProcessServer(Exercise exercise, ServerSocket listener, Method serve, Object[] arguments) {
        this.exercise = exercise;
        this.listener = listener;
        this.group = new ThreadGroup("socklab-" + exercise.key() + "-" + listener.getLocalPort());
        this.serveThread = new Thread(group, () -> run(serve, arguments), "socklab-serve-" + exercise.key());
        this.serveThread.setDaemon(true);
    }

    static InProcessServer start(Exercise exercise, Method serve, List<Object> extraArguments) {
        ServerSocket listener;
        try {
            listener = ServerSocketChannel.open().socket(); // getChannel() works: a Selector server can use it
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a listener on 127.0.0.1", e);
        }
        Object[] arguments = new Object[extraArguments.size() + 1];
        arguments[0] = listener;
        for (int i = 0; i < extraArguments.size(); i++) {
            arguments[i + 1] = extraArguments.get(i);
        }
        serve.setAccessible(true);
        InProcessServer server = new InProcessServer(exercise, listener, serve, arguments);
        server.serveThread.start();
        return server;
    }

    private void run(Method serve, Object[] arguments) {
        try {
            serve.invoke(null, arguments);
            if (!stopping) {
                ended.set(CoreFeedback.serverReturned());
            }
        } catch (InvocationTargetException e) {
            if (!stopping) {
                ended.set(describe(e.getCause()));
            }
        } catch (IllegalAccessException | RuntimeException | Error e) {
            ended.set(CoreFeedback.cannotStart(e));
        } finally {
            closeQuietly(listener);
            if (!stopping) {
                closeClients();
            }
        }
    }

    /**
     * Once {@code serve} has ended on its own nothing more can be observed, so the test's clients
     * are closed: a client blocked in a read then fails at once with the reason, instead of
     * waiting out its timeout on a socket the dead server still holds.
     */
    private void closeClients() {
        for (LineClient client : clients) {
            client.close();
        }
    }

    private Feedback describe(Throwable thrown) {
        if (thrown instanceof UnsupportedOperationException) {
            return CoreFeedback.notImplemented(exercise.serverClassName());
        }
        return CoreFeedback.serverCrashed(thrown);
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    }

    @Override
    public LineClient connect() {
        LineClient client = LineClient.connect(address(), this::diagnosis, probe());
        clients.add(client);
        if (ended.get() != null) {
            client.close();
        }
        return client;
    }

    @Override
    public ServerProbe probe() {
        return new GroupProbe(group);
    }

    @Override
    public Optional<Feedback> diagnosis() {
        return Optional.ofNullable(ended.get());
    }

    @Override
    public void stop() {
        if (stopping) {
            return;
        }
        stopping = true;
        closeClients();
        closeQuietly(listener);
        try {
            serveThread.join(STOP_DEADLINE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (serveThread.isAlive()) {
            serveThread.interrupt();
            throw new GradedFailure(CoreFeedback.serverWouldNotStop(STOP_DEADLINE));
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the socket is gone either way
        }
    }

    /** Counts, times and shows the live threads of the server's thread group. */
    private record GroupProbe(ThreadGroup group) implements ServerProbe {
        /** The JDK's native calls of a blocking socket read or accept (a timed one polls instead). */
        private static final Set<String> BLOCKING_SOCKET_CALLS = Set.of(
                "sun.nio.ch.SocketDispatcher.read0", "sun.nio.ch.SocketDispatcher.readv0", "sun.nio.ch.Net.accept");

        @Override
        public int liveThreads() {
            return alive().size();
        }

        @Override
        public Duration cpuTime() {
            ThreadMXBean bean = ManagementFactory.getThreadMXBean();
            long nanos = 0;
            for (Thread thread : alive()) {
                @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the bytecode is 17
                long id = thread.getId();
                long time = bean.getThreadCpuTime(id);
                if (time > 0) {
                    nanos += time;
                }
            }
            return Duration.ofNanos(nanos);
        }

        @Override
        public Optional<List<ThreadSnapshot>> threads() {
            List<ThreadSnapshot> snapshots = new ArrayList<>();
            for (Thread thread : alive()) {
                Thread.State state = thread.getState();
                if (state != Thread.State.TERMINATED) {
                    snapshots.add(new ThreadSnapshot(thread.getName(), state, List.of(thread.getStackTrace())));
                }
            }
            return Optional.of(snapshots);
        }

        /** Blocked for good: waiting with no timeout, or in a blocking socket read or accept. */
        @Override
        public OptionalLong blockedForGood() {
            for (Thread thread : alive()) {
                Thread.State state = thread.getState();
                boolean blocked = state == Thread.State.WAITING
                        || state == Thread.State.BLOCKED
                        || state == Thread.State.RUNNABLE && inBlockingSocketCall(thread.getStackTrace());
                if (!blocked) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.of(cpuTime().toNanos());
        }

        private static boolean inBlockingSocketCall(StackTraceElement[] stack) {
            return stack.length > 0
                    && stack[0].isNativeMethod()
                    && BLOCKING_SOCKET_CALLS.contains(stack[0].getClassName() + "." + stack[0].getMethodName());
        }

        private List<Thread> alive() {
            Thread[] found = new Thread[group.activeCount() * 2 + 16];
            int count = group.enumerate(found, true);
            List<Thread> alive = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (found[i].isAlive()) {
                    alive.add(found[i]);
                }
            }
            return alive;
        }
    }
}
