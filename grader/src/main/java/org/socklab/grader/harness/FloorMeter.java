package org.socklab.grader.harness;

import java.time.Duration;

/**
 * Counts the {@link Floor} of the graded test running on the current thread, where the waits
 * happen: the wait and window helpers ({@link Waits}, {@link LineClient}) and the starts of child
 * JVMs record into it, so the counting lives next to the waiting and nowhere else.
 *
 * <p>Only the test's own thread counts: what a test waits for on other threads overlaps its own
 * time and adds nothing to the wall time. The meter is set for the duration of one test method by
 * {@link ServerExtension} (and by a direct check's host, which sends its floor back), so there is
 * no state shared between tests or visible to student code: its threads never have a meter (the
 * policy keeps its classes off this package anyway), and outside a graded test recording is a
 * no-op.
 *
 * <p>Confined to the thread it is {@linkplain #begin begun} on.
 */
public final class FloorMeter {
    private static final ThreadLocal<FloorMeter> CURRENT = new ThreadLocal<>();

    private Floor counted = Floor.NONE;

    private FloorMeter() {}

    /** A deliberate window or pause of the current test, of the given length, was waited through. */
    public static void window(Duration length) {
        record(new Floor(length, 0));
    }

    /** The current test started a JVM. */
    static void jvmStarted() {
        record(new Floor(Duration.ZERO, 1));
    }

    /** Adds what a child JVM counted for the current test (a direct check's own windows). */
    static void record(Floor floor) {
        FloorMeter meter = CURRENT.get();
        if (meter != null) {
            meter.counted = meter.counted.plus(floor);
        }
    }

    /** Whether a graded test runs on this thread (and not, say, on a reader thread it started). */
    static boolean onTestThread() {
        return CURRENT.get() != null;
    }

    /** Starts counting for the test about to run on this thread. */
    static FloorMeter begin() {
        FloorMeter meter = new FloorMeter();
        CURRENT.set(meter);
        return meter;
    }

    /** Stops counting on this thread; what the test counted. */
    Floor end() {
        if (CURRENT.get() == this) {
            CURRENT.remove();
        }
        return counted;
    }
}
