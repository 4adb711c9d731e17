package org.socklab.grader.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Watches, inside a direct check's JVM ({@link CheckHost}), the thread that runs the check (the
 * one with a frame of the test method), for a call into the submission that never returns: a thread
 * whose innermost frame of our own or of the submission's code is the submission's, and which
 * has not run at all (its CPU time has not grown by a nanosecond) for {@link #DEADLINE}. Such a thread waits for something that nothing will
 * ever end (a latch nobody counts down, a lock nobody releases, an endless sleep), so the host
 * reports it once, over its control channel, instead of making the grader wait out
 * {@link DirectCheck#DEADLINE}.
 *
 * <p>It tells "never" from "slow" by construction: a check that waits in the grader's own code
 * (a bounded join, a poll with its deadline) is not the submission's wait and is never cut short;
 * a call that keeps running (a slow or spinning one) uses CPU and is left to the hard bound; a
 * static initializer that never ends is {@link InitializerWatch}'s. A correct store's call takes
 * microseconds and, on the check's thread, waits for nobody.
 *
 * <p>Uses the JDK only. Thread-safe: its state is confined to its own daemon thread.
 */
public final class StuckCallWatch {
    public static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration PERIOD = Duration.ofMillis(250);
    private static final String GRADER = "org.socklab.";

    private StuckCallWatch() {}

    /**
     * Starts watching the thread that runs the test {@code testMethod} of {@code testClass} (JUnit
     * may run it on a thread of its own; threads the test starts are not watched: it waits for
     * them with bounds of its own); {@code stuck} receives, once, the submission's method that the
     * check called and that is stuck ({@code Class.method}, the class without its package).
     */
    static void start(String testClass, String testMethod, String packagePrefix, Consumer<String> stuck) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return; // the hard bound alone, then
        }
        Thread thread =
                new Thread(() -> watch(threads, testClass, testMethod, packagePrefix, stuck), "socklab-call-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the checking thread was last seen waiting in the submission, its CPU time then, and since when. */
    private record Seen(String method, long cpu, long since) {}

    @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; the bytecode is 17
    private static void watch(
            ThreadMXBean threads, String testClass, String testMethod, String packagePrefix, Consumer<String> stuck) {
        Map<Thread, Seen> seen = new HashMap<>();
        long lastLook = System.nanoTime();
        while (true) {
            try {
                Thread.sleep(PERIOD.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastLook > PERIOD.multipliedBy(3).toNanos()) {
                seen.clear(); // this JVM was held up (a pause, a starved CPU): what did not move proves nothing
            }
            lastLook = now;
            Map<Thread, Seen> waiting = new HashMap<>();
            for (Map.Entry<Thread, StackTraceElement[]> entry :
                    Thread.getAllStackTraces().entrySet()) {
                Optional<String> method = checking(entry.getValue(), testClass, testMethod)
                        ? submissionWait(entry.getValue(), packagePrefix)
                        : Optional.empty();
                if (method.isEmpty()) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(entry.getKey().getId());
                Seen before = seen.get(entry.getKey());
                if (before == null || !before.method().equals(method.get()) || before.cpu() != cpu || cpu < 0) {
                    waiting.put(entry.getKey(), new Seen(method.get(), cpu, now));
                } else if (now - before.since() >= DEADLINE.toNanos()) {
                    stuck.accept(method.get());
                    return;
                } else {
                    waiting.put(entry.getKey(), before);
                }
            }
            seen = waiting;
        }
    }

    private static boolean checking(StackTraceElement[] stack, String testClass, String testMethod) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(testClass) && frame.getMethodName().equals(testMethod)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The submission's method that our code called, if the innermost frame that is not the JDK's
     * (or a library's) is the submission's, and no frame is one of its static initializers.
     */
    static Optional<String> submissionWait(StackTraceElement[] stack, String packagePrefix) {
        for (StackTraceElement frame : stack) {
            if (frame.getMethodName().equals("<clinit>") && frame.getClassName().startsWith(packagePrefix)) {
                return Optional.empty();
            }
        }
        StackTraceElement entry = null;
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (type.startsWith(GRADER)) {
                break;
            }
            if (type.startsWith(packagePrefix)) {
                entry = frame;
            }
        }
        if (entry == null) {
            return Optional.empty();
        }
        String type = entry.getClassName();
        return Optional.of(type.substring(type.lastIndexOf('.') + 1) + "." + entry.getMethodName());
    }
}
