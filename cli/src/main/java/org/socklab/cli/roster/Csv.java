package org.socklab.cli.roster;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records, read and written: the roster and the class gradebook. A written field that a
 * spreadsheet would take for a formula ({@code = + - @} or a tab first) is prefixed with {@code '},
 * since names come from students; line breaks become spaces. Stateless.
 */
public final class Csv {
    private Csv() {}

    /** The records of a text, quoted fields unquoted; blank lines skipped. */
    public static List<List<String>> read(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(List.copyOf(record));
                }
                record.clear();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new BadInput("a quoted field is never closed");
        }
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        return records;
    }

    /** One record as a line, ending with a line feed. */
    public static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(field(fields.get(i)));
        }
        return out.append('\n').toString();
    }

    static String field(String text) {
        String value = text.replace('\n', ' ').replace('\r', ' ');
        if (!value.isEmpty() && "=+-@\t".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"")) {
            value = "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
