package org.socklab.cli.experiment;

import java.util.List;
import org.socklab.grader.feedback.Language;

/**
 * The table of the course's notes, one line per case: server, clients, completed requests, mean,
 * median, p90 and p99 response time, throughput, and a note for a case that ran out of time or
 * had failures. Stateless and thread-safe.
 */
final class ResultTable {
    private static final String[] HEADERS = {
        "table.server",
        "table.clients",
        "table.completed",
        "table.mean",
        "table.median",
        "table.p90",
        "table.p99",
        "table.throughput"
    };

    private ResultTable() {}

    static String render(List<CaseResult> results, String submission, Language language) {
        String[][] rows = new String[results.size() + 1][];
        rows[0] = new String[HEADERS.length + 1];
        for (int i = 0; i < HEADERS.length; i++) {
            rows[0][i] = Messages.of(HEADERS[i]).render(language);
        }
        rows[0][HEADERS.length] = "";
        for (int r = 0; r < results.size(); r++) {
            CaseResult result = results.get(r);
            rows[r + 1] = new String[] {
                Messages.serverName(result.server(), submission).render(language),
                Integer.toString(result.clients()),
                result.completed() + "/" + result.planned(),
                time(result, result.meanMillis(), language),
                time(result, result.medianMillis(), language),
                time(result, result.p90Millis(), language),
                time(result, result.p99Millis(), language),
                String.format(language.locale(), "%.0f", result.throughput()),
                note(result, language)
            };
        }
        int[] widths = new int[rows[0].length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                boolean left = i == 0 || i == row.length - 1;
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(left ? cell + padding : padding + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** A time of a case, or a dash when no request completed. */
    private static String time(CaseResult result, double millis, Language language) {
        return result.completed() == 0 ? "-" : number(millis, language);
    }

    /** A time in milliseconds, with one or two decimals, in the language's notation. */
    static String number(double millis, Language language) {
        return String.format(language.locale(), millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String note(CaseResult result, Language language) {
        if (result.ranOut()) {
            return Messages.of("table.ranOut", result.bound().toSeconds()).render(language);
        }
        if (result.failed() > 0) {
            return Messages.of("table.failed", result.failed()).render(language);
        }
        return "";
    }
}
