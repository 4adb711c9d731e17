package lab.sample;

import java.util.concurrent.CountDownLatch;

/** A method of a pretend submission that waits forever (for StuckCallSample). */
public final class NeverReturns {
    private NeverReturns() {}

    public static void call() {
        CountDownLatch never = new CountDownLatch(1);
        while (true) {
            try {
                never.await();
            } catch (InterruptedException e) {
                // again
            }
        }
    }
}
