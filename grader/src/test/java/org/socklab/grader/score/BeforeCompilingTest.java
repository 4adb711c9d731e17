package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.grader.feedback.Language;

/** The step of a student's build before javac, on a project folder as Maven gives it. */
class BeforeCompilingTest {
    @TempDir
    Path project;

    @Test
    void should_remove_the_last_runs_reports_and_the_byte_order_marks_saying_which_file_lost_one() throws IOException {
        Path reports = Files.createDirectories(project.resolve("target/socklab"));
        Files.writeString(reports.resolve("score.json"), "{}");
        Files.writeString(reports.resolve(ScoreReportListener.TABLE), "old table");
        Path sources = Files.createDirectories(project.resolve("src/main/java/lab/echocaps"));
        Files.writeString(
                sources.resolve("EchoCapsServer.java"), "\uFEFFpackage lab.echocaps;\n", StandardCharsets.UTF_8);
        Files.writeString(sources.resolve("Helper.java"), "package lab.echocaps;\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BeforeCompiling.run(project, reports, Language.ENGLISH, new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(reports).isEmptyDirectory();
        assertThat(sources.resolve("EchoCapsServer.java")).hasContent("package lab.echocaps;\n");
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("socklab: src/main/java/lab/echocaps/EchoCapsServer.java:"
                        + " the byte order mark (BOM) at the start was removed (javac stops at it: illegal character '\\ufeff');"
                        + " save your files as UTF-8 without BOM\n");
    }

    @Test
    void should_do_nothing_in_a_project_that_never_ran() throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        BeforeCompiling.run(project, project.resolve("target/socklab"), Language.ENGLISH, new PrintStream(printed));

        assertThat(printed.size()).isZero();
    }
}
