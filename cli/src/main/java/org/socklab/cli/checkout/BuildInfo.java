package org.socklab.cli.checkout;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.socklab.cli.CliFailure;

/**
 * The versions this build of the command was made with ({@code socklab/checkout/build.properties},
 * filled in by Maven from the parent pom), and the {@code {{name}}} placeholders of the checkout's
 * pom templates. Stateless and thread-safe.
 */
public final class BuildInfo {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9.-]+)}}");

    private BuildInfo() {}

    public static String value(String name) {
        String value = properties().getProperty(name);
        if (value == null || value.startsWith("${")) {
            throw new CliFailure("this socklab build does not know its " + name + ": rebuild it with mvn package");
        }
        return value;
    }

    /** {@code template} with every {@code {{name}}} replaced by {@code values}, else by this build's value. */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.containsKey(name) ? values.get(name) : value(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Bundled.text("socklab/checkout/build.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
