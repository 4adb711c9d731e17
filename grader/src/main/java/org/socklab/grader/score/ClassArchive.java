package org.socklab.grader.score;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the grader's classes (the JDK's, JUnit's, the harness's: the list
 * in {@value #LIST}, recorded from gradings of the reference), mapped by every JVM of a sandboxed
 * grading: the grading JVM, the student's server hosts and direct checks. Those JVMs live seconds,
 * and loading and verifying the same classes again was most of their CPU time: a submission's
 * grading starts about twenty of them.
 *
 * <p>Trust: the archive is made by {@code java -Xshare:dump}, which loads the listed classes from
 * the grader's own class path and runs no code of any submission, inside a sandbox laid out as a
 * grading JVM's (the archive records its class path as the JVMs that map it see it). It is kept in
 * the user's cache folder, which no sandbox binds: a sandboxed JVM sees it read-only at
 * {@value #INSIDE}. Without the sandbox there is no archive, since student code running as the user
 * could replace it for the next submission. A JVM whose class path does not match the archive
 * (another build, another JDK: both are in its name) simply does not map it.
 *
 * <p>Made at most once per JVM ({@link #forGrading}), where every entry of the grader's class path
 * is a jar (JDK 17 archives classes from jars only: the packaged command, not a build's folders);
 * concurrent commands each write their own file and move it into place. Thread-safe.
 */
final class ClassArchive {
    /** Where a sandboxed JVM of the grading sees the archive. */
    static final String INSIDE = "/socklab/classes.jsa";

    /** The classes archived, one internal name a line: a resource beside this class. */
    static final String LIST = "classes.lst";

    private static final String WORK_INSIDE = "/socklab/archive";
    private static final Duration DUMP_DEADLINE = Duration.ofSeconds(120);
    private static final Duration STALE = Duration.ofDays(1);
    private static final String PREFIX = "grader-";
    private static final String SUFFIX = ".jsa";

    private ClassArchive() {}

    /**
     * The archive for this JVM's gradings, made on first use; empty where there cannot be one, or
     * where it has gone since (a sandbox cannot bind a file that is not there).
     */
    static Optional<Path> forGrading() {
        return Holder.ARCHIVE.filter(archive -> Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS));
    }

    /** Made on first use, once per JVM: the initialization of a holder class is thread-safe. */
    private static final class Holder {
        static final Optional<Path> ARCHIVE =
                make(Path.of(System.getProperty("java.home")), cacheFolder(), GradingJvm.graderClassPath());
    }

    /**
     * The archive for {@code classPath} (the grader's) and the JDK at {@code javaHome}, in
     * {@code cache}: the one there already, or a new one that a sandboxed JVM was seen to map;
     * empty if there cannot be one here.
     */
    static Optional<Path> make(Path javaHome, Optional<Path> cache, List<Path> classPath) {
        if (cache.isEmpty() || classPath.isEmpty() || !classPath.stream().allMatch(ClassArchive::isJar)) {
            return Optional.empty();
        }
        try {
            byte[] list = list();
            Path archive = cache.get().resolve(PREFIX + key(javaHome, classPath, list) + SUFFIX);
            if (Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
                // used now: stale means unused for a day, not made a day ago (another build's
                // command may be cleaning the folder while this one grades)
                Files.setLastModifiedTime(archive, FileTime.from(Instant.now()));
                return Optional.of(archive);
            }
            Files.createDirectories(cache.get());
            forgetStale(cache.get(), archive);
            return dump(javaHome, classPath, list, archive);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> dump(Path javaHome, List<Path> classPath, byte[] list, Path archive)
            throws IOException {
        Path work = Files.createTempDirectory(archive.getParent(), "dump-");
        try {
            Files.write(work.resolve(LIST), list);
            String made = WORK_INSIDE + "/" + archive.getFileName();
            // the dump, then a JVM that must map what it made (-Xshare:on fails where it cannot)
            List<String> dump = List.of("-Xshare:dump", "-XX:SharedClassListFile=" + WORK_INSIDE + "/" + LIST);
            boolean mapped = run(javaHome, classPath, work, dump, made)
                    && run(javaHome, classPath, work, List.of("-Xshare:on"), made, "-version");
            Path file = work.resolve(archive.getFileName());
            if (!mapped || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                Files.move(file, archive, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(file, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return Optional.of(archive);
        } finally {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(work)) {
                for (Path file : files) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /**
     * Runs {@code java options -XX:SharedArchiveFile=archive -cp classPath after} in a grading
     * JVM's sandbox with {@code work} bound; whether it succeeded. ({@code -version} must come
     * after {@code -cp}: the launcher reads no option after it.)
     */
    private static boolean run(
            Path javaHome, List<Path> classPath, Path work, List<String> options, String archive, String... after)
            throws IOException {
        List<String> command = GradingJvm.sandbox(javaHome);
        List<String> inside = GradingJvm.bindClassPath(command, classPath);
        command.addAll(List.of("--bind", work.toString(), WORK_INSIDE, "--"));
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(options);
        command.add("-XX:SharedArchiveFile=" + archive);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, inside)));
        command.addAll(List.of(after));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!process.waitFor(DUMP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** Archives of other builds or JDKs not used for a day: a rebuilt jar leaves its old archive behind. */
    private static void forgetStale(Path cache, Path current) {
        Instant before = Instant.now().minus(STALE);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cache, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.equals(current)
                        && Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // kept: a later run tries again
        }
    }

    /** What the archive depends on: the JDK, each class path entry as it is now, the list. */
    private static String key(Path javaHome, List<Path> classPath, byte[] list) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of(
                    javaHome.toString(), System.getProperty("java.vm.version", ""), Integer.toString(list.length)));
            for (Path entry : classPath) {
                parts.add(entry + " " + Files.size(entry) + " "
                        + Files.getLastModifiedTime(entry).toMillis());
            }
            digest.update(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            digest.update(list);
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] list() throws IOException {
        try (InputStream in = ClassArchive.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IOException("no " + LIST + " beside " + ClassArchive.class.getName());
            }
            return in.readAllBytes();
        }
    }

    private static boolean isJar(Path entry) {
        return Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".jar");
    }

    /** {@code $XDG_CACHE_HOME/socklab}, else {@code ~/.cache/socklab}; empty if neither can be named. */
    private static Optional<Path> cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "socklab"));
        }
        String home = System.getProperty("user.home", "");
        return home.isBlank() || home.equals("?") ? Optional.empty() : Optional.of(Path.of(home, ".cache", "socklab"));
    }
}
