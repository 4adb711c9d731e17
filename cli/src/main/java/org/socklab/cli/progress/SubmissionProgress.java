package org.socklab.cli.progress;

import java.time.Duration;

/**
 * The progress of {@code grade-all}: submissions done of all, and an estimate of the time left
 * (the mean time per submission so far, times those left, divided by nothing more: the mean
 * already includes the parallelism of the run). Not thread-safe: {@code grade-all} reports rows
 * from one thread.
 */
public final class SubmissionProgress {
    private final int total;
    private final long start;
    private int done;

    public SubmissionProgress(int total) {
        this.total = total;
        this.start = System.nanoTime();
    }

    /** One more submission done: "3/30 done, about 2 min 10 s left". */
    public String next() {
        done++;
        String counted = done + "/" + total + " done";
        if (done >= total) {
            return counted;
        }
        long perSubmission = (System.nanoTime() - start) / done;
        return counted + ", about " + words(Duration.ofNanos(perSubmission * (total - done))) + " left";
    }

    static String words(Duration left) {
        long seconds = Math.max(1, left.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        return minutes < 10 ? minutes + " min " + (seconds % 60) + " s" : minutes + " min";
    }
}
