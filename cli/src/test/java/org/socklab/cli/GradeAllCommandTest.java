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
        Files.writeString(
                broken.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"), "package lab.echocaps; class {");
        Files.createDirectories(parent.resolve("=julia/notes"));
        Path csv = temp.resolve("gradebook.csv");

        // one exercise is enough to prove the rows; the references' full grade is GradeCommandTest's
        Submissions.Run run = Submissions.socklab(
                "grade-all", parent.toString(), "--csv", csv.toString(), "--lang", "en", "--exercises", "echocaps");

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

    @Test
    void should_fail_in_one_line_before_grading_when_the_gradebook_cannot_be_written() throws IOException {
        Path parent = temp.resolve("class");
        Submissions.reference(parent.resolve("ana"));
        Path inTheWay = Files.writeString(temp.resolve("a-file"), "not a folder");

        Submissions.Run run = Submissions.socklab(
                "grade-all",
                parent.toString(),
                "--csv",
                inTheWay.resolve("grades.csv").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .startsWith("socklab: cannot write the gradebook ")
                .doesNotContain("\n");
        assertThat(run.out()).isEmpty();
        assertThat(parent.resolve("ana/target")).doesNotExist();
    }

    @Test
    void should_write_the_gradebook_beside_the_write_probes_of_other_runs() throws IOException {
        Path parent = Files.createDirectories(temp.resolve("class/notes"))
                .getParent(); // not a template: a row of zeros, no grading
        Path grades = Files.createDirectories(temp.resolve("grades"));
        // what a run killed between its probe's creation and its deletion leaves; a run writing
        // into the same folder at this moment has one just like it
        Files.createFile(grades.resolve(".socklab-write-probe"));
        Files.createFile(grades.resolve(".socklab-write-probe-"));

        Submissions.Run run = Submissions.socklab(
                "grade-all", parent.toString(), "--csv", grades.resolve("g.csv").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(grades.resolve("g.csv")).content().contains("notes,0,");
    }

    @Test
    void should_show_submissions_done_of_all_with_the_time_left() throws IOException {
        Path parent = temp.resolve("class");
        Submissions.reference(parent.resolve("ana"));
        Files.createDirectories(parent.resolve("bruno"));

        Submissions.Run run = Submissions.socklab(
                "grade-all",
                parent.toString(),
                "--csv",
                temp.resolve("g.csv").toString(),
                "--exercises",
                "echocaps",
                "--jobs",
                "1");

        assertThat(run.status()).as(run.err()).isZero();
        // one submission is compiled ahead of the jobs: either may end first
        assertThat(run.out().lines().toList())
                .anySatisfy(line -> assertThat(line).matches(".* +\\[1/2 done, about \\d+ (s|min \\d+ s) left]"))
                .anySatisfy(line -> assertThat(line).matches(".* +\\[2/2 done]"))
                .anySatisfy(line -> assertThat(line).startsWith("ana: 12/12 "))
                .anySatisfy(line -> assertThat(line).matches("bruno: 0/12 \\(.*\\) +\\[.*"));
    }

    private static String row(List<String> lines, String prefix) {
        return lines.stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }
}
