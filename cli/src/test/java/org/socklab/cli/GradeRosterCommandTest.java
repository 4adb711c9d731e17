package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.roster.GitRepositories;

/**
 * {@code grade-all --roster --deadline}: a roster of local git repositories with commits before
 * and after the deadline is graded at the right commits, the late ones flagged, and a repository
 * that cannot be fetched or has nothing on time keeps its row with the reason.
 */
class GradeRosterCommandTest {
    private static final String SERVER = "src/main/java/lab/echocaps/EchoCapsServer.java";

    @TempDir
    Path temp;

    @Test
    void should_grade_each_repository_at_its_last_commit_before_the_deadline_and_flag_late_work() throws IOException {
        Path ana = GitRepositories.init(Submissions.reference(temp.resolve("repos/ana")));
        String anaOnTime = GitRepositories.commit(ana, "2026-12-10T20:00:00-03:00", "done");
        Files.writeString(ana.resolve(SERVER), "package lab.echocaps; class {");
        GitRepositories.commit(ana, "2026-12-11T10:00:00-03:00", "broke it after the deadline");
        Path bruno = GitRepositories.init(Submissions.template(temp.resolve("repos/bruno")));
        GitRepositories.commit(bruno, "2026-12-01T08:00:00-03:00", "the stub");
        Submissions.reference(bruno);
        GitRepositories.commit(bruno, "2026-12-12T08:00:00-03:00", "done, two days late");
        Path carla = GitRepositories.init(Submissions.reference(temp.resolve("repos/carla")));
        GitRepositories.commit(carla, "2026-12-11T00:00:30-03:00", "30 s late");
        Path roster = temp.resolve("roster.csv");
        Files.writeString(
                roster,
                "student,repository\nana," + ana + "\nbruno," + bruno + "\ncarla," + carla + "\ndavi,"
                        + temp.resolve("repos/davi") + "\n");
        Path out = temp.resolve("class");
        Path summary = temp.resolve("summary.md");

        Submissions.Run run = Submissions.socklab(
                Map.of("GITHUB_STEP_SUMMARY", summary.toString()),
                "grade-all",
                "--roster",
                roster.toString(),
                "--deadline",
                "2026-12-10T23:59-03:00",
                "--out",
                out.toString(),
                "--exercises",
                "echocaps",
                "--lang",
                "en");

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0))
                .isEqualTo(
                        "student,total,max,echocaps,hidden,hidden_max,status,reason,commit,commit_time,late_commits");
        assertThat(lines.get(1)).isEqualTo("ana,12,12,12,2,2,graded,," + anaOnTime + ",2026-12-10T23:00:00Z,1");
        assertThat(lines.get(2)).matches("bruno,0,12,0,0,2,graded,,[0-9a-f]{40},2026-12-01T11:00:00Z,1");
        assertThat(lines.get(3))
                .isEqualTo("carla,0,0,0,0,0,not_graded,no commit at or before the deadline 2026-12-10T23:59-03:00,,,1");
        assertThat(lines.get(4)).startsWith("davi,0,0,0,0,0,not_graded,cannot fetch the repository: ");
        assertThat(out.resolve("class.html")).content().contains("ana").contains("davi");
        assertThat(out.resolve("reports/ana/score.json")).content().contains("\"hidden\": true");
        assertThat(out.resolve("reports/ana/report.html")).exists();
        assertThat(summary).content().contains("| ana | 12/12 | 2/2 | 1 | graded |");
    }

    @Test
    void should_refuse_bad_input_in_one_line_before_fetching_anything() throws IOException {
        Path roster = temp.resolve("roster.csv");
        Files.writeString(roster, "student,repository\nana,/nowhere\n");

        Submissions.Run noOffset = Submissions.socklab(
                "grade-all",
                "--roster",
                roster.toString(),
                "--deadline",
                "2026-12-10T23:59",
                "--out",
                temp.resolve("out").toString());
        Submissions.Run badShard = Submissions.socklab(
                "grade-all",
                "--roster",
                roster.toString(),
                "--deadline",
                "2026-12-10T23:59Z",
                "--out",
                temp.resolve("out").toString(),
                "--shard",
                "3/2");

        assertThat(noOffset.status()).isEqualTo(Cli.USAGE);
        assertThat(noOffset.err().lines()).hasSize(1).first().asString().contains("with its offset");
        assertThat(badShard.status()).isEqualTo(Cli.USAGE);
        assertThat(badShard.err()).contains("3/2");
        assertThat(temp.resolve("out")).doesNotExist();
    }

    @Test
    void should_write_the_teachers_workflow_as_bundled() throws IOException {
        Submissions.Run run =
                Submissions.socklab("classroom-workflow", temp.resolve("wf").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(temp.resolve("wf/socklab-class.yml")))
                .isEqualTo(Files.readAllBytes(Submissions.REPOSITORY.resolve(".github/classroom/socklab-class.yml")));
    }
}
