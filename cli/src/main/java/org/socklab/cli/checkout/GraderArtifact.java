package org.socklab.cli.checkout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.socklab.cli.CliFailure;
import org.socklab.grader.Exercise;

/**
 * The grader as a checkout ships it: a jar made from the grader classes this command runs, and a
 * pom without a parent that names the grader's dependencies, laid out as a Maven repository under
 * {@code lib/} ({@code lib/org/socklab/socklab-grader/<version>/...}). The checkout's pom declares
 * that folder as a repository, so a plain {@code mvn test} finds the grader with nothing installed
 * and on any machine the folder is copied to.
 *
 * <p>The version is the release of this build followed by the first 12 hex digits of the jar's
 * SHA-256 ({@code 0.1.0-3fa9c2e1d0b4}): a release version, so Maven caches it for good, and one that
 * names its content, so a newer grader is a new version and never a stale cached snapshot. The jar
 * is built deterministically (sorted entries, fixed times) so the same grader gives the same
 * version every time.
 *
 * <p>Immutable; {@link #current()} is thread-safe.
 */
public record GraderArtifact(String version, byte[] jar, byte[] pom) {
    static final String GROUP_PATH = "org/socklab";
    static final String ARTIFACT = "socklab-grader";
    private static final String CLASSES = "org/socklab/grader/";
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);

    /** The grader this command runs, ready to ship. */
    public static GraderArtifact current() {
        byte[] jar = jar(graderFiles());
        String version = BuildInfo.value("socklab.version").replace("-SNAPSHOT", "") + "-"
                + TemplateFile.sha256(jar).substring(0, 12);
        String pom = BuildInfo.fill(
                Bundled.text("socklab/checkout/grader-pom.xml.template"), Map.of("grader.version", version));
        return new GraderArtifact(version, jar, pom.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The jar and the pom at their place in the checkout's {@code lib/} repository, each with its
     * {@code .sha1} and {@code .md5}: Maven verifies what it reads from a repository against them,
     * and without them warns at length ({@code ChecksumFailureException}) on a student's first run.
     */
    List<TemplateFile> files() {
        String folder = "lib/" + GROUP_PATH + "/" + ARTIFACT + "/" + version + "/" + ARTIFACT + "-" + version;
        List<TemplateFile> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> file :
                Map.of(folder + ".jar", jar, folder + ".pom", pom).entrySet()) {
            files.add(new TemplateFile(file.getKey(), file.getValue(), false));
            files.add(TemplateFile.text(file.getKey() + ".sha1", digest("SHA-1", file.getValue())));
            files.add(TemplateFile.text(file.getKey() + ".md5", digest("MD5", file.getValue())));
        }
        files.sort(Comparator.comparing(TemplateFile::path));
        return List.copyOf(files);
    }

    private static String digest(String algorithm, byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + algorithm, e);
        }
    }

    /** The grader's classes and resources, from the jar or the folder this command loaded them from. */
    private static SortedMap<String, byte[]> graderFiles() {
        try {
            Path source = Path.of(Exercise.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            SortedMap<String, byte[]> files;
            if (Files.isDirectory(source)) {
                files = Bundled.walk(source);
            } else {
                try (FileSystem zip = FileSystems.newFileSystem(source)) {
                    files = Bundled.walk(zip.getPath("/"));
                }
            }
            files.keySet().removeIf(name -> !name.startsWith(CLASSES));
            if (files.isEmpty()) {
                throw new CliFailure("cannot find the grader's classes in " + source);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jar(SortedMap<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            put(
                    jar,
                    "META-INF/MANIFEST.MF",
                    "Manifest-Version: 1.0\r\nCreated-By: socklab\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(jar, file.getKey(), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTimeLocal(FIXED_TIME);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }
}
