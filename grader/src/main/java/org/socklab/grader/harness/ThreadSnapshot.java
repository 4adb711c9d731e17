package org.socklab.grader.harness;

import java.util.List;

/**
 * One thread of a server as seen at one moment: its name, its state and its stack (innermost
 * frame first). For the few checks that must see where a server's threads wait, which neither the
 * sockets nor CPU time can show: for example, how many threads wait in a queue's {@code take()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the thread's name, for messages
 * @param state the thread's state when it was looked at
 * @param stack its frames, innermost first
 */
public record ThreadSnapshot(String name, Thread.State state, List<StackTraceElement> stack) {

    public ThreadSnapshot {
        stack = List.copyOf(stack);
    }
}
