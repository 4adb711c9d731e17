package org.socklab.grader.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.socklab.grader.Exercise;

/**
 * Where the class files of a submission are read from: folders or jars. It finds every
 * {@code .class} under an exercise's package folder ({@code lab/<exercise>/}, subpackages
 * included: nested, anonymous and local classes are files of their own there, lambdas are methods
 * of the class that holds them), and any other class of the submission by name, for the classes
 * of another package that the exercise's code calls. Symbolic links are not followed.
 *
 * <p>Immutable and thread-safe.
 */
final class ExerciseClasses {
    private final List<Path> roots;
    /** A class left out (path in its root without ".class", its nested classes too), or empty. */
    private final String skipped;

    private ExerciseClasses(List<Path> roots, String skipped) {
        this.roots = List.copyOf(roots);
        this.skipped = skipped;
    }

    /** The classes in these class path entries (folders or jars): a fixture, a compiled submission. */
    static ExerciseClasses in(List<Path> roots) {
        return new ExerciseClasses(roots, "");
    }

    /**
     * The classes as a class loader sees them for an exercise (a student's test class path),
     * leaving out the root that holds the test classes when the exercise's server class is
     * elsewhere (Maven's {@code target/test-classes}), and the test class itself in any case.
     */
    static ExerciseClasses seenBy(Exercise exercise, ClassLoader loader, Class<?> testClass) {
        String testFile = testClass.getName().replace('.', '/') + ".class";
        Path testRoot = rootOf(testClass.getResource("/" + testFile), testFile);
        String serverFile = exercise.serverClassName().replace('.', '/') + ".class";
        Path serverRoot = rootOf(loader.getResource(serverFile), serverFile);
        String folder = folderOf(exercise);
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
        return new ExerciseClasses(
                new ArrayList<>(roots), testFile.substring(0, testFile.length() - ".class".length()));
    }

    /** Every class file of the exercise's package and its subpackages. */
    List<byte[]> of(Exercise exercise) {
        String folder = folderOf(exercise);
        List<byte[]> classes = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                fromFolder(root, folder, classes);
            } else if (Files.isRegularFile(root)) {
                fromJar(root, folder, classes);
            }
        }
        return classes;
    }

    /** The class file of the class with this binary name, if one of the roots has it. */
    Optional<byte[]> named(String className) {
        String file = className.replace('.', '/') + ".class";
        if (isSkipped(file.substring(0, file.length() - ".class".length()))) {
            return Optional.empty();
        }
        try {
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    Path path = root.resolve(file);
                    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                        return Optional.of(Files.readAllBytes(path));
                    }
                } else if (Files.isRegularFile(root)) {
                    try (ZipFile zip = new ZipFile(root.toFile())) {
                        ZipEntry entry = zip.getEntry(file);
                        if (entry != null) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                return Optional.of(in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file " + file, e);
        }
        return Optional.empty();
    }

    private static String folderOf(Exercise exercise) {
        return exercise.studentPackage().replace('.', '/') + "/";
    }

    private boolean isSkipped(String name) {
        return !skipped.isEmpty() && (name.equals(skipped) || name.startsWith(skipped + "$"));
    }

    /** The class path entry (folder or jar) a resource was found in, or null if it is neither. */
    private static Path rootOf(URL url, String resource) {
        if (url == null) {
            return null;
        }
        try {
            if (url.getProtocol().equals("file")) {
                Path root = Path.of(url.toURI());
                int depth = Path.of(resource).getNameCount();
                for (int i = 0; i < depth && root != null; i++) {
                    root = root.getParent();
                }
                return root;
            }
            if (url.getProtocol().equals("jar")) {
                String spec = url.getPath();
                return Path.of(new URL(spec.substring(0, spec.indexOf("!/"))).toURI());
            }
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Class files under {@code root/folder}, but the skipped class and its nested classes. */
    private void fromFolder(Path root, String folder, List<byte[]> classes) {
        Path start = root.resolve(folder);
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(start)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> f.toString().endsWith(".class"))
                    .toList()) {
                String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!isSkipped(relative.substring(0, relative.length() - ".class".length()))) {
                    classes.add(Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes under " + start, e);
        }
    }

    private static void fromJar(Path jar, String folder, List<byte[]> classes) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()
                        && entry.getName().startsWith(folder)
                        && entry.getName().endsWith(".class")) {
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
