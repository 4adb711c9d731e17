package org.socklab.cli.checkout;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.socklab.cli.CliFailure;

/**
 * What a checkout remembers in {@code .socklab/checkout.properties}: the site it came from (name
 * and location), its key, and the SHA-256 of every file as the checkout last wrote it. A file whose
 * content no longer has that checksum is one the student changed.
 *
 * <pre>
 * site=builtin
 * location=builtin
 * key=echocaps
 * file.pom.xml=3fa9...
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param written checksums by path in the checkout
 */
public record CheckoutState(String siteName, String siteLocation, String key, Map<String, String> written) {
    public static final String FOLDER = ".socklab";
    public static final String FILE = FOLDER + "/checkout.properties";
    private static final String FILE_PREFIX = "file.";

    public CheckoutState {
        written = Map.copyOf(written);
    }

    /** The state of the checkout in {@code folder}, if it is one. */
    public static Optional<CheckoutState> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        Map<String, String> written = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(FILE_PREFIX)) {
                written.put(name.substring(FILE_PREFIX.length()), properties.getProperty(name));
            }
        }
        String key = properties.getProperty("key");
        String site = properties.getProperty("site");
        String location = properties.getProperty("location");
        if (key == null || site == null || location == null) {
            throw new CliFailure(file + " is incomplete: it needs site, location and key");
        }
        return Optional.of(new CheckoutState(site, location, key, written));
    }

    void write(Path folder) throws IOException {
        StringBuilder out = new StringBuilder("# Written by socklab checkout: the checksums of what it wrote,\n"
                + "# to tell your changes from the template's when you run it again here.\n");
        out.append(line("site", siteName))
                .append(line("location", siteLocation))
                .append(line("key", key));
        new TreeMap<>(written).forEach((path, sha) -> out.append(line(FILE_PREFIX + path, sha)));
        Files.createDirectories(folder.resolve(FOLDER));
        Files.writeString(folder.resolve(FILE), out, StandardCharsets.UTF_8);
    }

    /** One property, escaped as {@link Properties#load} reads it. */
    private static String line(String name, String value) {
        Properties one = new Properties();
        one.setProperty(name, value);
        StringWriter text = new StringWriter();
        try {
            one.store(text, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // store() starts with a date comment: keep only the property's own line.
        return text.toString()
                        .lines()
                        .filter(l -> !l.startsWith("#"))
                        .findFirst()
                        .orElseThrow() + "\n";
    }
}
