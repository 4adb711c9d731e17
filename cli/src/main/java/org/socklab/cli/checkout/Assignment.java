package org.socklab.cli.checkout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;

/**
 * An assignment repository, ready for a teacher to push as a GitHub template repository as it is:
 * what a checkout of the chosen exercises has (pom, wrapper, the grader in {@code lib/} as a Maven
 * repository, the stubs and test classes of those exercises only), plus
 * <ul>
 *   <li>{@value #COMMAND_JAR}: this very command, which the workflow grades with, so that the
 *       repository needs nothing from anywhere else (no other repository, no token);</li>
 *   <li>{@value #WORKFLOW}: grades exactly these exercises on every push, writes the job summary
 *       and the {@code Points X/Y} notice, and lists every protected file that changed;</li>
 *   <li>{@value #MANIFEST}: the SHA-256 of every protected file (the grader, the tests, the pom,
 *       the wrapper, the workflow), in {@code sha256sum} format, written now;</li>
 *   <li>a README: the statements, how to get a score, and what the repository's own CI can and
 *       cannot prove.</li>
 * </ul>
 * Nothing of it holds a solution. Refuses a folder that exists and is not empty.
 *
 * <p>Stateless and thread-safe.
 */
public final class Assignment {
    public static final String COMMAND_JAR = "lib/socklab.jar";
    public static final String WORKFLOW = ".github/workflows/socklab.yml";
    public static final String MANIFEST = ".github/socklab-protected.sha256";

    private Assignment() {}

    /**
     * Writes the assignment into {@code folder}; returns the files written, by path.
     *
     * @param commandJar the socklab jar to ship (the one running, normally)
     */
    public static List<String> write(Path folder, Set<Exercise> exercises, Language language, byte[] commandJar) {
        refuseUnlessEmpty(folder);
        String keys = exercises.stream().map(Exercise::key).collect(Collectors.joining(","));
        String command = "socklab assignment DIR --exercises " + keys;
        // no "--" in the pom: it would end its XML comment
        List<TemplateFile> files =
                new ArrayList<>(BuiltinTemplates.exercises(exercises, "socklab assignment, exercises " + keys));
        files.add(new TemplateFile(COMMAND_JAR, commandJar, false));
        files.add(TemplateFile.text(
                WORKFLOW,
                BuildInfo.fill(
                        Bundled.text("socklab/assignment/socklab.yml.template"),
                        Map.of(
                                "command",
                                command,
                                "exercises",
                                keys,
                                "lang",
                                language.locale().getLanguage()))));
        files.add(TemplateFile.text("README.md", AssignmentReadme.of(exercises)));
        files.add(TemplateFile.text(MANIFEST, manifest(files)));
        try {
            for (TemplateFile file : files) {
                Path target = folder.resolve(file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
                if (file.executable()) {
                    target.toFile().setExecutable(true, false);
                }
            }
        } catch (IOException e) {
            throw new CliFailure("cannot write the assignment into " + folder + ": " + e.getMessage());
        }
        return files.stream().map(TemplateFile::path).sorted().toList();
    }

    /** Whether a file is one a student has no reason to change: all but the stubs, the README and .gitignore. */
    static boolean isProtected(String path) {
        return !(path.startsWith("src/main/")
                || path.equals("README.md")
                || path.equals(".gitignore")
                || path.equals(MANIFEST));
    }

    /** {@code sha256sum} lines ("HASH  PATH"), sorted by path. */
    static String manifest(List<TemplateFile> files) {
        Map<String, String> sums = new TreeMap<>();
        files.stream().filter(file -> isProtected(file.path())).forEach(file -> sums.put(file.path(), file.sha256()));
        StringBuilder out = new StringBuilder();
        sums.forEach((path, sha) -> out.append(sha).append("  ").append(path).append('\n'));
        return out.toString();
    }

    private static void refuseUnlessEmpty(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new CliFailure(folder + " exists and is not a folder: nothing was written");
        }
        try (Stream<Path> children = Files.list(folder)) {
            if (children.findAny().isPresent()) {
                throw new CliFailure(folder + " is not empty: give a new or empty folder; nothing was written");
            }
        } catch (IOException e) {
            throw new CliFailure("cannot read " + folder + ": " + e.getMessage());
        }
    }
}
