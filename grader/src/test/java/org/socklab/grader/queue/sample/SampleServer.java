package org.socklab.grader.queue.sample;

import java.util.concurrent.LinkedBlockingQueue;

/** A server of the structure test: hands over through a queue class of its own, takes out through a method reference. */
public final class SampleServer {
    /** A queue of the submission's own, which ASM must follow to the JDK's. */
    static final class Readings extends LinkedBlockingQueue<String> {
        private static final long serialVersionUID = 1L;
    }

    private final Readings readings = new Readings();

    void handle(String line) throws InterruptedException {
        readings.put(line);
    }

    Runnable processor() {
        return () -> {
            java.util.function.Supplier<String> next = readings::poll;
            next.get();
        };
    }
}
