package org.socklab.cli.experiment;

import java.util.List;
import java.util.Locale;

/**
 * The figures of every case as CSV, for a spreadsheet or a report: one header line, then one line
 * per case. Column names and numbers are the same in every language (decimal point, milliseconds).
 * Stateless and thread-safe.
 */
final class CsvFile {
    static final String HEADER = "server,clients,requests,completed,failed,ran_out,mean_ms,median_ms,p90_ms,p99_ms,"
            + "max_ms,throughput_per_s,elapsed_s";

    private CsvFile() {}

    static String render(List<CaseResult> results) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (CaseResult result : results) {
            out.append(String.format(
                    Locale.ROOT,
                    "%s,%d,%d,%d,%d,%b,%.3f,%.3f,%.3f,%.3f,%.3f,%.1f,%.3f%n",
                    result.server().value(),
                    result.clients(),
                    result.planned(),
                    result.completed(),
                    result.failed(),
                    result.ranOut(),
                    result.meanMillis(),
                    result.medianMillis(),
                    result.p90Millis(),
                    result.p99Millis(),
                    result.maxMillis(),
                    result.throughput(),
                    result.elapsed().toNanos() / 1e9));
        }
        return out.toString();
    }
}
