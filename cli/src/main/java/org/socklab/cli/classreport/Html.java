package org.socklab.cli.classreport;

import java.util.Locale;

/** HTML text escaping and the parts every page shares. Stateless. */
final class Html {
    /** Nothing is fetched: the pages open from a folder, offline, and run no script. */
    static final String HEAD = """
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """;

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1b1f24;background:#fff}
            h1{font-size:1.5rem;margin:0 0 .3rem} h2{font-size:1.15rem;margin:1.6rem 0 .5rem}
            table{border-collapse:collapse;font-size:.9rem} th,td{padding:.25rem .5rem;border:1px solid #d0d7de}
            thead th{background:#f6f8fa;position:sticky;top:0} td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.cell{text-align:center;min-width:3.2rem;font-variant-numeric:tabular-nums}
            td.none{background:#eaeef2;color:#57606a} .reason{color:#57606a;font-size:.85rem}
            .summary{color:#57606a} .late{color:#9a6700;font-weight:600}
            .charts{display:flex;flex-wrap:wrap;gap:1rem} figure{margin:0;border:1px solid #d0d7de;padding:.5rem;border-radius:6px}
            figcaption{font-size:.85rem;margin-bottom:.3rem} pre{white-space:pre-wrap;margin:0;font-size:.8rem;max-width:60rem}
            .tag{font-size:.75rem;background:#ddf4ff;border-radius:4px;padding:0 .3rem;margin-left:.3rem}
            .passed{background:#dafbe1} .failed{background:#ffebe9}
            """;

    private Html() {}

    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? '?' : c);
            }
        }
        return out.toString();
    }

    /** A background colour from red (nothing) through yellow to green (everything). */
    static String colour(int points, int max) {
        double share = max <= 0 ? 0 : Math.max(0, Math.min(1, (double) points / max));
        return String.format(Locale.ROOT, "hsl(%d,70%%,%d%%)", Math.round(share * 120), 78 - Math.round(share * 8));
    }

    /** The same scale, darker, for a chart's bars. */
    static String barColour(int points, int max) {
        double share = max <= 0 ? 0 : Math.max(0, Math.min(1, (double) points / max));
        return String.format(Locale.ROOT, "hsl(%d,60%%,45%%)", Math.round(share * 120));
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
