package org.socklab.grader.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.socklab.grader.Exercise;

/**
 * Finds the class files of one exercise: every {@code .class} under its package folder
 * ({@code lab/<exercise>/}, subpackages included), in folders or jars. Nested, anonymous and local
 * classes are files of their own there; lambdas are methods of the class that holds them.
 * Symbolic links are not followed.
 *
 * <p>Stateless and thread-safe.
 */
final class ExerciseClasses {
    private ExerciseClasses() {
    }

    /** The class files of the exercise in these class path entries (folders or jars). */
    static List<byte[]> in(Exercise exercise, List<Path> roots) {
        String folder = folderOf(exercise);
        List<byte[]> classes = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                fromFolder(root, folder, classes, "");
            } else if (Files.isRegularFile(root)) {
                fromJar(root, folder, classes);
            }
        }
        return classes;
    }

    /**
     * The class files of the exercise as a class loader sees them (a student's test class path),
     * leaving out the root that holds the test classes when the exercise's server class is
     * elsewhere (Maven's {@code target/test-classes}), and the test class itself in any case.
     */
    static List<byte[]> seenBy(Exercise exercise, ClassLoader loader, Class<?> testClass) {
        String folder = folderOf(exercise);
        Path testRoot = rootOf(testClass.getResource("/" + testClass.getName().replace('.', '/') + ".class"),
                testClass.getName().replace('.', '/') + ".class");
        String serverFile = exercise.serverClassName().replace('.', '/') + ".class";
        Path serverRoot = rootOf(loader.getResource(serverFile), serverFile);
        String skipped = testClass.getName().replace('.', '/');
        Set<Path> roots = new LinkedHashSet<>();
        try {
            for (URL url : Collections.list(loader.getResources(folder))) {
                Path root = rootOf(url, folder);
                if (root != null && !(root.equals(testRoot) && !root.equals(serverRoot))) {
                    roots.add(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> classes = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                fromFolder(root, folder, classes, skipped);
            } else {
                fromJar(root, folder, classes);
            }
        }
        return classes;
    }

    private static String folderOf(Exercise exercise) {
        return exercise.studentPackage().replace('.', '/') + "/";
    }

    /** The class path entry (folder or jar) a resource was found in, or null if it is neither. */
    private static Path rootOf(URL url, String resource) {
        if (url == null) {
            return null;
        }
        try {
            if (url.getProtocol().equals("file")) {
                Path found = Path.of(url.toURI());
                int depth = Path.of(resource).getNameCount();
                Path root = found;
                for (int i = 0; i < depth && root != null; i++) {
                    root = root.getParent();
                }
                return root;
            }
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath();
                int bang = spec.indexOf("!/");
                return Path.of(new URL(spec.substring(0, bang)).toURI());
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Class files under {@code root/folder}, but those of the class {@code skipped} (a path in the
     * root without ".class", empty for none) and its nested classes.
     */
    private static void fromFolder(Path root, String folder, List<byte[]> classes, String skipped) {
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start)) {
            return;
        }
        try (Stream<Path> files = Files.walk(start)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                String name = relative.substring(0, relative.length() - ".class".length());
                if (!skipped.isEmpty() && (name.equals(skipped) || name.startsWith(skipped + "$"))) {
                    continue;
                }
                classes.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes under " + folder, e);
        }
    }

    private static void fromJar(Path jar, String folder, List<byte[]> classes) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(folder) && entry.getName().endsWith(".class")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        classes.add(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + jar, e);
        }
    }
}
