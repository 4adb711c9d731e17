package org.socklab.cli.grading;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.socklab.cli.CliFailure;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.harness.Sandbox;
import org.socklab.grader.score.GradingJvm;

/**
 * A submission's sources compiled the way the template's pom compiles them ({@code javac
 * --release 17}, UTF-8), against the JDK alone (the template's main code has no dependency), with
 * no annotation processing: no code of the submission runs while it compiles. A leading byte order
 * mark is removed first ({@link ByteOrderMarks}), and said.
 *
 * <p>With a sandbox ({@link Containment#sandboxed()}), javac runs as a process of its own inside
 * the grader's bubblewrap sandbox ({@link GradingJvm#sandbox}): no network, no environment, the
 * JDK and the copied sources read-only, the classes folder its only writable one, within
 * {@link #DEADLINE}, {@code prlimit}'s CPU and file-size bounds and a 512 MiB heap, so that a
 * source crafted to stall or flood the compiler costs that submission only. Its messages name the
 * files relative to {@code src/main/java}. Without one, it runs in this JVM. A {@code grade-all}
 * run compiles with a warm javac in the same sandbox instead ({@link CompilerServices}).
 *
 * @param classes where the classes were written
 * @param errors what javac said, when it failed; empty when it succeeded
 * @param notices what was changed in the copied sources before compiling, for the report
 */
public record Compilation(Path classes, String errors, List<Feedback> notices) {
    /** Far above what a submission of this course needs (about a second), far below grade-all's timeout. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    /** What a compilation that was interrupted (grade-all's timeout, Ctrl-C) says. */
    static final String INTERRUPTED = "javac was interrupted";

    private static final int MAX_ERRORS = 64 * 1024;
    private static final String INSIDE = "/socklab";

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** Compiles every {@code .java} file under {@code sources} (the submission's, copied) into {@code classes}. */
    public static Compilation of(Path sources, Path classes, Containment containment) {
        return of(sources, classes, javac(containment));
    }

    /** As above, with {@code javac}. */
    static Compilation of(Path sources, Path classes, Javac javac) {
        List<Feedback> notices = ByteOrderMarks.strip(sources);
        List<Path> files;
        try {
            files = sourceFiles(sources);
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Compilation(classes, javac.compile(sources, files, classes), notices);
    }

    /** A javac process of its own for each compilation in the sandbox, else javac in this JVM. */
    static Javac javac(Containment containment) {
        return containment.sandboxed() ? Compilation::inSandbox : Compilation::here;
    }

    /**
     * How a submission's files are compiled.
     *
     * <p>Implementations say whether they are thread-safe.
     */
    @FunctionalInterface
    interface Javac {
        /**
         * Compiles {@code files}, under {@code sources}, into {@code classes}.
         *
         * @return what javac said when it failed, else empty
         */
        String compile(Path sources, List<Path> files, Path classes);
    }

    /** The {@code .java} regular files under {@code sources}, in order; no link is followed. */
    static List<Path> sourceFiles(Path sources) throws IOException {
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(file ->
                            file.toString().endsWith(".java") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .toList();
        }
    }

    /** javac's options, writing into {@code classes}: those of the template's pom, no annotation processing. */
    static List<String> options(String classes) {
        return new ArrayList<>(List.of(
                "--release",
                "17",
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-proc:none",
                "-implicit:none",
                "-sourcepath",
                "",
                "-classpath",
                "",
                "-d",
                classes));
    }

    /** javac in this JVM; what it said when it failed, else empty. */
    static String here(Path sources, List<Path> files, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CliFailure("no Java compiler here: run socklab with a JDK, not a JRE");
        }
        List<String> arguments = options(classes.toString());
        files.forEach(file -> arguments.add(file.toString()));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = javac.run(null, said, said, arguments.toArray(String[]::new));
        return status == 0 ? "" : failed(said.toString(StandardCharsets.UTF_8));
    }

    /** javac in a sandbox of its own; what it said when it failed, else empty. */
    private static String inSandbox(Path sources, List<Path> files, Path classes) {
        Path javaHome = Path.of(System.getProperty("java.home"));
        Path javac = javaHome.resolve("bin").resolve("javac");
        if (!Files.isExecutable(javac)) {
            throw new CliFailure("no Java compiler here: run socklab with a JDK, not a JRE");
        }
        List<String> command = GradingJvm.sandbox(javaHome);
        command.addAll(List.of(
                "--ro-bind",
                sources.toAbsolutePath().toString(),
                INSIDE + "/src",
                "--bind",
                classes.toAbsolutePath().toString(),
                INSIDE + "/classes",
                "--chdir",
                INSIDE + "/src",
                "--",
                "prlimit",
                "--fsize=" + 16L * 1024 * 1024,
                "--cpu=" + DEADLINE.toSeconds(),
                "--core=0",
                "--",
                javac.toString(),
                "-J-Xmx512m",
                "-J-XX:+UseSerialGC",
                "-J-XX:TieredStopAtLevel=1"));
        command.addAll(options(INSIDE + "/classes"));
        files.forEach(file -> command.add(sources.relativize(file).toString().replace(File.separatorChar, '/')));
        Path log = classes.resolveSibling("javac.log");
        Process process;
        try {
            process = Sandbox.startKept(new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            if (!process.waitFor(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                return notFinished();
            }
            if (process.exitValue() == 0) {
                return "";
            }
            return errorsIn(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** What javac said in {@code log}, its first {@value #MAX_ERRORS} bytes: a failure's errors. */
    static String errorsIn(Path log) throws IOException {
        try (InputStream said = Files.newInputStream(log, LinkOption.NOFOLLOW_LINKS)) {
            return failed(new String(said.readNBytes(MAX_ERRORS), StandardCharsets.UTF_8));
        }
    }

    /** What a compilation that did not end within {@link #DEADLINE} says. */
    static String notFinished() {
        return "javac did not finish within " + DEADLINE.toSeconds() + " s";
    }

    /** What javac said, stripped; a failure that said nothing still says that javac failed. */
    static String failed(String said) {
        String errors = said.strip();
        return errors.isEmpty() ? "javac failed" : errors;
    }
}
