package org.socklab.cli.checkout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.cli.grading.Submission;
import org.socklab.grader.Exercise;

/**
 * The pristine student template and the reference solutions that ship inside the command (copied
 * there at build time, under {@code socklab/template} and {@code socklab/reference}).
 *
 * <p>The template decides what is graded: an exercise is graded when the pristine template has its
 * test class ({@code src/test/java/lab/<exercise>/<Server>Test.java}), whatever a submission did to
 * its own copy. Those classes are empty subclasses of the grader's tests, so the grader runs its
 * own test classes, exactly as the template would.
 *
 * <p>Stateless and thread-safe.
 */
public final class Template {
    private static final String TEMPLATE = "socklab/template/";
    private static final String REFERENCE = "socklab/reference/";

    private Template() {
    }

    /** The exercises the pristine template grades. */
    public static Set<Exercise> gradedExercises() {
        Set<Exercise> graded = EnumSet.noneOf(Exercise.class);
        for (Exercise exercise : Exercise.values()) {
            String test = TEMPLATE + "src/test/java/" + exercise.serverClassName().replace('.', '/') + "Test.java";
            if (Template.class.getClassLoader().getResource(test) != null) {
                graded.add(exercise);
            }
        }
        if (graded.isEmpty()) {
            throw new CliFailure("this socklab build has no template inside: rebuild it with mvn package");
        }
        return graded;
    }

    /** Copies the bundled reference submission into {@code folder} (which becomes a submission). */
    public static Submission extractReference(Path folder) {
        URL marker = Template.class.getClassLoader().getResource(REFERENCE + "src/main/java/lab");
        if (marker == null) {
            throw new CliFailure("this socklab build has no reference solutions inside: rebuild it with mvn package");
        }
        try {
            if (marker.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(marker.toURI(), Map.of())) {
                    copyTree(jar.getPath("/" + REFERENCE + "src/main/java/lab"), folder.resolve("src/main/java/lab"));
                }
            } else {
                copyTree(Path.of(marker.toURI()), folder.resolve("src/main/java/lab"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return Submission.in(folder);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    try (InputStream in = Files.newInputStream(source)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
