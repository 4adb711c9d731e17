package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code grade-all}: one gradebook row per submission folder, whatever each one does. */
class GradeAllCommandTest {
    @TempDir
    Path temp;

    @Test
    void should_write_one_row_per_submission_with_zeros_and_a_reason_for_those_that_cannot_be_graded()
            throws IOException {
        Path parent = temp.resolve("class");
        for (String student : List.of("ana", "bruno", "carla", "davi")) {
            Submissions.reference(parent.resolve(student));
        }
        for (String student : List.of("eva", "felipe", "gabi", "heitor")) {
            Submissions.template(parent.resolve(student));
        }
        Path broken = Submissions.reference(parent.resolve("igor"));
        Files.writeString(broken.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"), "package lab.echocaps; class {");
        Files.createDirectories(parent.resolve("=julia/notes"));
        Path csv = temp.resolve("gradebook.csv");

        // one exercise is enough to prove the rows; the references' full grade is GradeCommandTest's
        Submissions.Run run = Submissions.socklab("grade-all", parent.toString(), "--csv", csv.toString(), "--lang", "en",
                "--exercises", "echocaps");

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("student,total,max,echocaps,status,reason");
        assertThat(lines).hasSize(11);
        // grade-all is the official grading: two hidden echocaps tests count too
        assertThat(row(lines, "ana,")).isEqualTo("ana,12,12,12,graded,");
        assertThat(row(lines, "eva,")).matches("eva,0,\\d+,.*,graded,");
        assertThat(row(lines, "igor,")).matches("igor,0,\\d+,.*,failed,does not compile");
        assertThat(row(lines, "'=julia,")).matches("'=julia,0,\\d+,.*,failed,not a socklab template: .*");
        assertThat(parent.resolve("ana/target/socklab/score.json")).content().contains("\"hidden\": true");
        assertThat(parent.resolve("ana/target/socklab/results.json")).content().contains("\"after_published\"");
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).findFirst().orElseThrow();
    }
}
