package org.socklab.cli.checkout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.socklab.cli.CliFailure;
import org.socklab.grader.Exercise;

/**
 * What each checkout key gets, made from the template bundled in the command: the builtin site's
 * content, and what {@code socklab site export} publishes.
 *
 * <p>Every key gets a pom whose only dependency is the grader, shipped in {@code lib/} (see
 * {@link GraderArtifact}), the Maven wrapper with a {@code .mvn/maven.config} that lets {@code mvn -o}
 * read {@code lib/} too, the JUnit listener registration that prints the score
 * table, and a {@code .gitignore}. An exercise's key adds that exercise's stub (everything in
 * {@code src/main/java/lab/<key>/}), its test class, and a README in English and Portuguese made
 * from its statement; {@value CheckoutKeys#ALL} adds every stub, every test class and the
 * template's own README. An exercise is offered once the template has its test class: before that,
 * there is nothing to grade it with.
 *
 * <p>Stateless and thread-safe.
 */
public final class BuiltinTemplates {
    private static final String TEMPLATE = "socklab/checkout/template";
    private static final String LISTENER =
            "src/test/resources/META-INF/services/org.junit.platform.launcher.TestExecutionListener";

    private BuiltinTemplates() {}

    /** The files of every key offered, {@value CheckoutKeys#ALL} first, then the exercises in course order. */
    public static Map<String, List<TemplateFile>> all() {
        SortedMap<String, byte[]> template = Bundled.tree(TEMPLATE, "README.md");
        GraderArtifact grader = GraderArtifact.current();
        Map<String, List<TemplateFile>> keys = new LinkedHashMap<>();
        List<TemplateFile> everything = common(
                template, grader, "socklab checkout " + CheckoutKeys.ALL, "socklab-exercises", "socklab exercises");
        everything.add(file(template, "README.md"));
        template.keySet().stream()
                .filter(path -> path.startsWith("src/main/java/lab/") || path.startsWith("src/test/java/lab/"))
                .forEach(path -> everything.add(file(template, path)));
        keys.put(CheckoutKeys.ALL, List.copyOf(everything));
        for (Exercise exercise : Exercise.values()) {
            String tests = "src/test/java/lab/" + exercise.key() + "/";
            if (template.keySet().stream().noneMatch(path -> path.startsWith(tests))) {
                continue;
            }
            List<TemplateFile> files = common(
                    template,
                    grader,
                    "socklab checkout " + exercise.key(),
                    "socklab-" + exercise.key(),
                    "socklab exercise " + exercise.number() + ": " + exercise.key());
            files.add(TemplateFile.text("README.md", ExerciseReadme.of(exercise)));
            String stubs = "src/main/java/lab/" + exercise.key() + "/";
            template.keySet().stream()
                    .filter(path -> path.startsWith(stubs) || path.startsWith(tests))
                    .forEach(path -> files.add(file(template, path)));
            keys.put(exercise.key(), List.copyOf(files));
        }
        return keys;
    }

    /**
     * What an assignment of these exercises starts from: the files a checkout of each would have
     * (one pom, one wrapper, one grader), with the stubs and test classes of those exercises only,
     * and no README (the assignment writes its own).
     */
    static List<TemplateFile> exercises(Set<Exercise> exercises, String command) {
        SortedMap<String, byte[]> template = Bundled.tree(TEMPLATE, "README.md");
        List<TemplateFile> files = common(
                template,
                GraderArtifact.current(),
                command,
                "socklab-assignment",
                "socklab assignment: " + exercises.stream().map(Exercise::key).collect(Collectors.joining(", ")));
        for (Exercise exercise : exercises) {
            String stubs = "src/main/java/lab/" + exercise.key() + "/";
            String tests = "src/test/java/lab/" + exercise.key() + "/";
            template.keySet().stream()
                    .filter(path -> path.startsWith(stubs) || path.startsWith(tests))
                    .forEach(path -> files.add(file(template, path)));
        }
        return files;
    }

    private static List<TemplateFile> common(
            SortedMap<String, byte[]> template, GraderArtifact grader, String command, String artifactId, String name) {
        List<TemplateFile> files = new ArrayList<>();
        files.add(TemplateFile.text(
                "pom.xml",
                BuildInfo.fill(
                        Bundled.text("socklab/checkout/pom.xml.template"),
                        Map.of(
                                "command",
                                command,
                                "artifactId",
                                artifactId,
                                "name",
                                name,
                                "grader.version",
                                grader.version()))));
        files.add(new TemplateFile(".gitignore", Bundled.bytes("socklab/checkout/gitignore.template"), false));
        // Sane line endings and encoding when a student commits from Windows or saves with Notepad.
        files.add(new TemplateFile(".gitattributes", Bundled.bytes("socklab/checkout/gitattributes.template"), false));
        files.add(new TemplateFile(".editorconfig", Bundled.bytes("socklab/checkout/editorconfig.template"), false));
        files.add(new TemplateFile("mvnw", template.get("mvnw"), true));
        files.add(file(template, "mvnw.cmd"));
        files.add(file(template, ".mvn/wrapper/maven-wrapper.properties"));
        // Lets mvn -o read lib/ (a file: repository) before the grader was ever cached.
        files.add(
                new TemplateFile(".mvn/maven.config", Bundled.bytes("socklab/checkout/maven.config.template"), false));
        // Maven's own JVM: a short run gains nothing from the optimizing compiler (about a third
        // less CPU for a warm mvn test); the tests' JVM keeps the defaults.
        files.add(new TemplateFile(".mvn/jvm.config", Bundled.bytes("socklab/checkout/jvm.config.template"), false));
        files.add(file(template, LISTENER));
        files.addAll(grader.files());
        return files;
    }

    private static TemplateFile file(SortedMap<String, byte[]> template, String path) {
        byte[] content = template.get(path);
        if (content == null) {
            throw new CliFailure("this socklab build's template lacks " + path + ": rebuild it with mvn package");
        }
        return new TemplateFile(path, content, false);
    }
}
