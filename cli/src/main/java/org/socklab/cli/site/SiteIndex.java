package org.socklab.cli.site;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A site's {@value #FILE}: which files each key gets, with their SHA-256, so that a checkout can
 * verify what it downloaded and later tell a student's changes from the template's.
 *
 * <pre>
 * socklab-site	1
 * # key	sha256	mode	path in the checkout	path on the site
 * echocaps	3fa9...	-	pom.xml	echocaps/pom.xml
 * echocaps	88c1...	x	mvnw	common/mvnw
 * </pre>
 *
 * Tab-separated, UTF-8, one file per line; lines starting with {@code #} and blank lines are
 * ignored. Mode {@code x} marks a file to make executable, {@code -} any other. Both paths follow
 * {@link SitePaths}; the site path is relative to the folder or URL that holds the index.
 *
 * <p>Immutable and thread-safe.
 */
public record SiteIndex(List<Entry> entries) {
    public static final String FILE = "index.tsv";
    public static final String HEADER = "socklab-site\t1";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public SiteIndex {
        entries = List.copyOf(entries);
    }

    /** One file of one key. */
    public record Entry(String key, String sha256, boolean executable, String path, String sitePath) {}

    /** The keys, in the order the index lists them. */
    public List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        entries.forEach(entry -> keys.add(entry.key()));
        return List.copyOf(keys);
    }

    public List<Entry> of(String key) {
        return entries.stream().filter(entry -> entry.key().equals(key)).toList();
    }

    public String write() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        out.append("# key\tsha256\tmode\tpath in the checkout\tpath on the site\n");
        for (Entry entry : entries) {
            out.append(String.join(
                            "\t",
                            entry.key(),
                            entry.sha256(),
                            entry.executable() ? "x" : "-",
                            entry.path(),
                            entry.sitePath()))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Reads an index.
     *
     * @throws IllegalArgumentException saying which line is wrong and why
     */
    public static SiteIndex parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException("its first line is not \"socklab-site<TAB>1\"");
                }
                headerSeen = true;
                continue;
            }
            String[] fields = line.split("\t", -1);
            try {
                if (fields.length != 5
                        || !SHA256.matcher(fields[1]).matches()
                        || !(fields[2].equals("x") || fields[2].equals("-"))
                        || fields[0].isBlank()) {
                    throw new IllegalArgumentException("expected key, sha256, x or -, path, site path");
                }
                entries.add(new Entry(
                        fields[0],
                        fields[1],
                        fields[2].equals("x"),
                        SitePaths.requireSafe(fields[3]),
                        SitePaths.requireSafe(fields[4])));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("it is empty");
        }
        return new SiteIndex(entries);
    }
}
