package org.socklab.grader.harness;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends every process this JVM started, and their descendants. A kill is delivered at once but takes
 * effect a moment later (a sandbox's first process takes every process of its namespace down with
 * it), so the caller waits, within a bound, until they are gone: no process of theirs then outlives
 * the step that ended them, nor writes into a folder about to be deleted.
 *
 * <p>Stateless and thread-safe.
 */
public final class Descendants {
    private Descendants() {}

    /**
     * Kills every descendant of this JVM and waits at most {@code bound} for them to end; returns
     * early, with the interrupt flag set, if the calling thread is interrupted.
     */
    public static void end(Duration bound) {
        List<ProcessHandle> started = ProcessHandle.current().descendants().toList();
        started.forEach(ProcessHandle::destroyForcibly);
        long deadline = System.nanoTime() + bound.toNanos();
        for (ProcessHandle process : started) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // gone, or not within the bound (the kernel's business): the caller goes on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
