package org.socklab.grader.child;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Watches, inside a child JVM, for a class of the submission whose static initializer does not
 * end: a thread that has been in that class's {@code <clinit>} for {@link #DEADLINE} without
 * leaving it. No test can ever use such a class (every thread that touches it waits forever), so
 * the host reports it once, over its control channel, and the grader fails the exercise's tests
 * at once with that reason instead of paying each test's deadline.
 *
 * <p>A correct initializer takes microseconds; {@link #DEADLINE} leaves room for a loaded
 * machine. It looks every {@link #PERIOD}, which costs one stack walk of the child's threads.
 * Uses the JDK only. Thread-safe: its state is confined to its own daemon thread.
 */
public final class InitializerWatch {
    public static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration PERIOD = Duration.ofMillis(250);

    private InitializerWatch() {}

    /** The classes of a submission: those of the top package of its server class ({@code lab.}). */
    public static String submissionPrefix(String serverClass) {
        return serverClass.substring(0, serverClass.indexOf('.') + 1);
    }

    /**
     * Starts watching the classes whose names start with {@code packagePrefix}; {@code stuck}
     * receives the first such class's name, once.
     */
    static void start(String packagePrefix, Consumer<String> stuck) {
        Thread thread = new Thread(() -> watch(packagePrefix, stuck), "socklab-initializer-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private static void watch(String packagePrefix, Consumer<String> stuck) {
        Map<Thread, String> seen = new HashMap<>();
        Map<Thread, Long> since = new HashMap<>();
        while (true) {
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            Map<Thread, String> inside = new HashMap<>();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                for (StackTraceElement frame : stack) {
                    if (frame.getMethodName().equals("<clinit>")
                            && frame.getClassName().startsWith(packagePrefix)) {
                        inside.put(thread, frame.getClassName());
                        break;
                    }
                }
            });
            for (Map.Entry<Thread, String> entry : inside.entrySet()) {
                if (!entry.getValue().equals(seen.get(entry.getKey()))) {
                    since.put(entry.getKey(), now);
                } else if (now - since.get(entry.getKey()) >= DEADLINE.toNanos()) {
                    stuck.accept(entry.getValue());
                    return;
                }
            }
            since.keySet().retainAll(inside.keySet());
            seen = inside;
        }
    }
}
