package org.socklab.cli.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.socklab.cli.CliFailure;

/**
 * The sites a user knows: those listed in {@code <home>/sites}, one {@code name = location} per
 * line ({@code #} starts a comment; a location is an {@code http(s)://} URL or a folder, {@code ~/}
 * meaning the user's home), the first of them the default, and the builtin site, always
 * there and the default when the file lists none. A line that does not parse is left out, and
 * named in {@link #problems()}: one typo must not stop every checkout, the builtin site's included. The home is {@code $SOCKLAB_HOME}, else the
 * system property {@code socklab.home}, else {@code ~/.socklab}.
 *
 * <p>Immutable and thread-safe.
 */
public record Sites(Path file, List<Site> configured, List<String> problems) {
    public static final String HOME_VARIABLE = "SOCKLAB_HOME";
    static final String HOME_PROPERTY = "socklab.home";
    public static final String FILE = "sites";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public Sites {
        configured = List.copyOf(configured);
        problems = List.copyOf(problems);
    }

    /** The sites of the user whose environment this is. */
    public static Sites load(Map<String, String> environment) {
        Path home = Optional.ofNullable(environment.get(HOME_VARIABLE))
                .filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(System.getProperty(HOME_PROPERTY)))
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".socklab"));
        return read(home.resolve(FILE));
    }

    static Sites read(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Sites(file, List.of(), List.of());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        List<Site> sites = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file + ", line " + (i + 1) + ": ";
            int equals = line.indexOf('=');
            String name = equals < 0 ? "" : line.substring(0, equals).strip();
            String location = equals < 0 ? "" : line.substring(equals + 1).strip();
            if (!NAME.matcher(name).matches() || location.isEmpty()) {
                problems.add(where + "expected name = URL or folder, not \"" + line + "\" (line ignored)");
                continue;
            }
            if (name.equals(BuiltinSite.NAME)) {
                problems.add(where + "the name builtin is taken by the bundled site (line ignored)");
                continue;
            }
            if (location.startsWith("~/")) {
                location = System.getProperty("user.home") + location.substring(1);
            }
            try {
                sites.add(Site.at(name, location));
            } catch (CliFailure | IllegalArgumentException e) {
                problems.add(where + e.getMessage() + " (line ignored)");
            }
        }
        return new Sites(file, sites, problems);
    }

    /** Every site, the default first. */
    public List<Site> all() {
        List<Site> all = new ArrayList<>(configured);
        all.add(new BuiltinSite());
        return all;
    }

    public Site defaultSite() {
        return all().get(0);
    }

    /** The site with this name, or a failure that lists the known names. */
    public Site named(String name) {
        return all().stream()
                .filter(site -> site.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CliFailure("unknown site " + name + " (known: "
                        + all().stream().map(Site::name).collect(Collectors.joining(", "))
                        + "; add one to " + file + " as name = URL)"));
    }
}
