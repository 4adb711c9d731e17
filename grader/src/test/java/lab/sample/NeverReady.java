package lab.sample;

import java.util.concurrent.CountDownLatch;

/** A class of a pretend submission whose static initializer never ends (for StuckInitializerSample). */
public final class NeverReady {
    private static final CountDownLatch NEVER = new CountDownLatch(1);

    static {
        try {
            NEVER.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NeverReady() {}

    public static void touch() {
        // initializing the class is the point
    }
}
