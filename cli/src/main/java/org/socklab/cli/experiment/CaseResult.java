package org.socklab.cli.experiment;

import java.time.Duration;

/**
 * What one case of the experiment observed: one server under a number of simultaneous clients.
 * Times are in milliseconds, from HdrHistogram; they describe completed requests only.
 *
 * @param server the server measured
 * @param clients how many clients ran at once
 * @param planned requests the clients were to send in all
 * @param completed requests answered with {@code 200 OK} in full
 * @param failed requests that got an error or a wrong reply
 * @param ranOut whether the case's time bound ended it before every request was sent
 * @param bound the case's time bound
 * @param elapsed from the clients' start to the last one's end
 * @param meanMillis mean response time
 * @param medianMillis median response time
 * @param p90Millis 90th percentile
 * @param p99Millis 99th percentile
 * @param maxMillis the slowest request
 */
record CaseResult(
        Server server,
        int clients,
        int planned,
        int completed,
        int failed,
        boolean ranOut,
        Duration bound,
        Duration elapsed,
        double meanMillis,
        double medianMillis,
        double p90Millis,
        double p99Millis,
        double maxMillis) {

    /** Completed requests per second over the case. */
    double throughput() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? completed / seconds : 0;
    }
}
