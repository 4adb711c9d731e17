package org.socklab.grader.harness;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;

/**
 * One thread that guards every live child JVM of a run against the bounds no TCP client can see:
 * the sandbox's resident-memory and process bounds ({@link Sandbox#limits()}), more than
 * {@value ChildJvm#THREAD_LIMIT} live threads, a listening socket the grader did not ask
 * for (a server that binds its own port), a life longer than {@link ChildJvm#LIFETIME}. Breaking one
 * kills the child, with the reason as the feedback of the tests it was serving.
 *
 * <p>Its cost follows what it guards: it ticks every {@link #PERIOD} (a thread bomb or a port of
 * its own is caught within a fraction of a second, long before a test's deadline) only while some
 * child is alive, and a tick reads, per child, its thread count and the list of its sockets; the
 * TCP tables (thousands of lines after a load test) are read only when a child holds a socket the
 * watchdog has not classified yet, once per network namespace per tick, and parsed without regular
 * expressions. A socket seen connected is never looked up again; one seen listening has its port.
 * A socket that is not TCP (every JVM holds a Unix socket of its own) is told apart through the
 * namespace's Unix table first and never looked up again: the TCP tables cost 1 to 4 ms of
 * kernel time per read whatever the namespace holds (Linux walks its whole machine-wide connection
 * table for each), and a Unix socket left unclassified made every tick read them for the child's
 * whole life.
 *
 * <p>Thread-safe: children are added and removed from any thread; everything else is confined to
 * the watchdog's own daemon thread.
 */
final class Watchdog implements AutoCloseable {
    static final Duration PERIOD = Duration.ofMillis(250);
    /** The sandbox's whole process tree is read every this many ticks, the JVM's own memory every tick. */
    private static final int TREE_EVERY = 4;

    private final Map<ChildJvm, Guard> guarded = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final boolean linux = ProcFs.available();
    private Thread thread;

    /** Guards the child from now until it ends or is {@linkplain #forget forgotten}. */
    synchronized void watch(ChildJvm child) {
        guarded.put(child, new Guard());
        if (thread == null && closed.getCount() > 0) {
            thread = new Thread(this::run, "socklab-watchdog");
            thread.setDaemon(true);
            thread.start();
        }
    }

    void forget(ChildJvm child) {
        guarded.remove(child);
    }

    @Override
    public void close() {
        closed.countDown();
        guarded.clear();
    }

    private void run() {
        try {
            while (!closed.await(PERIOD.toMillis(), TimeUnit.MILLISECONDS)) {
                tick();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick() {
        Tables tables = new Tables();
        for (Map.Entry<ChildJvm, Guard> entry : guarded.entrySet()) {
            ChildJvm child = entry.getKey();
            if (!child.alive()) {
                guarded.remove(child);
            } else if (child.age().compareTo(ChildJvm.LIFETIME) > 0) {
                child.kill(CoreFeedback.processOutOfTime(ChildJvm.LIFETIME));
            } else if (linux) {
                guard(child, entry.getValue(), tables);
            }
        }
    }

    private static void guard(ChildJvm child, Guard guard, Tables tables) {
        Optional<Feedback> limit = child.overLimit(++guard.ticks % TREE_EVERY == 0);
        if (limit.isPresent()) {
            child.kill(limit.get());
            return;
        }
        long pid = child.pid();
        if (ProcFs.threadCount(pid) > ChildJvm.THREAD_LIMIT) {
            child.kill(CoreFeedback.processTooManyThreads(ChildJvm.THREAD_LIMIT));
            return;
        }
        Set<Long> sockets = ProcFs.socketInodes(pid);
        guard.listening.keySet().retainAll(sockets);
        guard.connected.retainAll(sockets);
        guard.other.retainAll(sockets);
        Set<Long> unknown = new HashSet<>(sockets);
        unknown.removeAll(guard.connected);
        unknown.removeAll(guard.listening.keySet());
        unknown.removeAll(guard.other);
        String namespace = unknown.isEmpty() ? "" : ProcFs.netNamespace(pid);
        if (!unknown.isEmpty()) {
            Set<Long> unix = tables.unix.computeIfAbsent(namespace, any -> ProcFs.unixSockets(pid));
            for (Long inode : unknown) {
                if (unix.contains(inode)) {
                    guard.other.add(inode); // never a TCP listener
                }
            }
            unknown.removeAll(guard.other);
        }
        // IPv6 first (Java's sockets are dual-stack), IPv4 only for what is still unknown; each table
        // is read once per namespace per tick, whatever the number of children in it
        for (String family : ProcFs.TCP_TABLES) {
            if (unknown.isEmpty()) {
                break;
            }
            Map<Long, ProcFs.TcpSocket> table =
                    tables.tcp.computeIfAbsent(namespace + " " + family, any -> ProcFs.tcpSockets(pid, family));
            for (Long inode : Set.copyOf(unknown)) {
                ProcFs.TcpSocket socket = table.get(inode);
                if (socket == null) {
                    continue; // not bound yet, or not in this table: looked at again
                }
                if (socket.listening()) {
                    guard.listening.put(inode, socket.port());
                    unknown.remove(inode);
                } else if (socket.port() != 0) {
                    guard.connected.add(inode); // connected (or closing): it will never listen
                    unknown.remove(inode);
                }
            }
        }
        // a listener the harness bound for a server still starting may not have its port known here
        // yet: the child's listeners are judged once no start is under way, asked after the sockets
        // were read (by construction, however late the port's message is on a loaded machine)
        if (child.starting()) {
            return;
        }
        Set<Integer> foreign = new HashSet<>(guard.listening.values());
        foreign.removeAll(child.ownPorts());
        if (!foreign.isEmpty()) {
            child.kill(CoreFeedback.processForeignListener(foreign.iterator().next()));
        }
    }

    /** The socket tables read during one tick, by network namespace: each is read at most once a tick. */
    private static final class Tables {
        final Map<String, Map<Long, ProcFs.TcpSocket>> tcp = new HashMap<>();
        final Map<String, Set<Long>> unix = new HashMap<>();
    }

    /** What the watchdog knows of one child's sockets, from one tick to the next. */
    private static final class Guard {
        final Map<Long, Integer> listening = new HashMap<>();
        final Set<Long> connected = new HashSet<>();
        final Set<Long> other = new HashSet<>();
        int ticks;
    }
}
