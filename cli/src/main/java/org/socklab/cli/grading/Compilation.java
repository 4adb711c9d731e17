package org.socklab.cli.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.socklab.cli.CliFailure;
import org.socklab.grader.feedback.Feedback;

/**
 * A submission's sources compiled the way the template's pom compiles them ({@code javac
 * --release 17}, UTF-8), against the JDK alone (the template's main code has no dependency), with
 * no annotation processing: nothing of the submission runs in the grader's process. A leading
 * byte order mark is removed first ({@link ByteOrderMarks}), and said.
 *
 * @param classes where the classes were written
 * @param errors what javac said, when it failed; empty when it succeeded
 * @param notices what was changed in the copied sources before compiling, for the report
 */
record Compilation(Path classes, String errors, List<Feedback> notices) {

    boolean succeeded() {
        return errors.isEmpty();
    }

    /** Compiles every {@code .java} file under {@code sources} (the submission's, copied) into {@code classes}. */
    static Compilation of(Path sources, Path classes) {
        List<Feedback> notices = ByteOrderMarks.strip(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CliFailure("no Java compiler here: run socklab with a JDK, not a JRE");
        }
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
                "-proc:none", "-implicit:none", "-sourcepath", "", "-classpath", "", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .sorted().forEach(file -> arguments.add(file.toString()));
            Files.createDirectories(classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int status = javac.run(null, said, said, arguments.toArray(String[]::new));
        if (status == 0) {
            return new Compilation(classes, "", notices);
        }
        String errors = said.toString(StandardCharsets.UTF_8).strip();
        return new Compilation(classes, errors.isEmpty() ? "javac failed" : errors, notices);
    }
}
