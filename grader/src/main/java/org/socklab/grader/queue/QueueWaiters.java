package org.socklab.grader.queue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.socklab.grader.harness.ThreadSnapshot;

/**
 * Tells, from a server's thread stacks, which threads are processors waiting for readings: parked
 * inside a {@link BlockingQueue}'s {@code take} or {@code poll} (with a timeout), called by the
 * submission's own code.
 *
 * <p>Why stacks, not counts: a correct server may keep any number of idle threads (a fixed pool
 * of handlers parks its workers in a queue's {@code take()} too, but called from
 * {@code ThreadPoolExecutor}, not from the submission), and a processor that polls in a loop
 * never parks. Why "parked": a thread running {@code poll()} in a loop is RUNNABLE; one blocked
 * in {@code take()} is WAITING (a platform thread blocked on a socket shows RUNNABLE, but a parked
 * one does not). So, on an idle server, the count is the number of processors that block properly.
 *
 * <p>Stateless apart from a cache of which JDK classes are blocking queues; thread-safe.
 */
final class QueueWaiters {
    private static final Map<String, Boolean> IS_QUEUE = new ConcurrentHashMap<>();

    private QueueWaiters() {}

    /** The threads among these that wait for readings on a blocking queue, from the submission's code. */
    static List<ThreadSnapshot> of(List<ThreadSnapshot> threads) {
        return threads.stream().filter(QueueWaiters::waitsOnAQueue).toList();
    }

    /** Whether the thread is parked in a blocking queue's take/poll called by non-JDK code. */
    static boolean waitsOnAQueue(ThreadSnapshot thread) {
        if (thread.state() != Thread.State.WAITING && thread.state() != Thread.State.TIMED_WAITING) {
            return false;
        }
        int call = queueCall(thread.stack());
        if (call < 0) {
            return false;
        }
        List<StackTraceElement> stack = thread.stack();
        int caller = call + 1;
        while (caller < stack.size() && isBlockingQueue(stack.get(caller).getClassName())) {
            caller++; // LinkedBlockingDeque.take calls takeFirst, and so on
        }
        return caller < stack.size() && !isJdk(stack.get(caller).getClassName());
    }

    /**
     * The index of the innermost frame that is a blocking queue's take/poll, if only JDK frames
     * (the parking machinery) are above it; else -1.
     */
    private static int queueCall(List<StackTraceElement> stack) {
        for (int i = 0; i < stack.size(); i++) {
            StackTraceElement frame = stack.get(i);
            if (!isJdk(frame.getClassName())) {
                return -1; // the submission's own code is running above any queue frame
            }
            if (isBlockingQueue(frame.getClassName()) && isTakeSide(frame.getMethodName())) {
                return i;
            }
        }
        return -1;
    }

    /** The threads as a student can read them: name, state, and the first frame of their own code. */
    static String describe(List<ThreadSnapshot> threads) {
        if (threads.isEmpty()) {
            return "-";
        }
        return threads.stream().map(QueueWaiters::describe).collect(Collectors.joining("; "));
    }

    private static String describe(ThreadSnapshot thread) {
        List<StackTraceElement> stack = thread.stack();
        int call = queueCall(stack);
        Optional<StackTraceElement> where =
                call >= 0 ? Optional.of(stack.get(call)) : stack.stream().findFirst();
        Optional<StackTraceElement> own =
                stack.stream().filter(frame -> !isJdk(frame.getClassName())).findFirst();
        StringBuilder text = new StringBuilder(thread.name()).append(" (").append(thread.state());
        where.ifPresent(frame -> text.append(", in ").append(shown(frame)));
        own.filter(frame -> where.map(w -> !w.equals(frame)).orElse(true))
                .ifPresent(frame -> text.append(", from ").append(shown(frame)));
        return text.append(')').toString();
    }

    private static String shown(StackTraceElement frame) {
        return simpleName(frame.getClassName()) + "." + frame.getMethodName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static boolean isTakeSide(String method) {
        return method.startsWith("take") || method.startsWith("poll");
    }

    static boolean isJdk(String className) {
        return className.startsWith("java.")
                || className.startsWith("javax.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.")
                || className.startsWith("com.sun.");
    }

    /** Whether a JDK class implements {@link BlockingQueue}; only JDK classes are looked up. */
    private static boolean isBlockingQueue(String className) {
        if (!className.startsWith("java.util.concurrent.")) {
            return false;
        }
        return IS_QUEUE.computeIfAbsent(className, name -> {
            try {
                return BlockingQueue.class.isAssignableFrom(Class.forName(name, false, null));
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }
}
