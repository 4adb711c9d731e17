package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The teacher's class grading workflow, run step by step (see {@link SimulatedRunner}) from the
 * file as shipped, with one change: it grades echocaps alone, to keep the test short. Two of three
 * shards grade their students; the third is lost (its job never uploads), and the merge still has
 * a row for each student of the roster, the lost shard's marked not graded with the reason. The
 * token given as a secret appears in no output, summary or artifact.
 */
class ClassroomWorkflowTest {
    private static final String TOKEN = "ghp_notARealTokenButASecretAllTheSame";

    @TempDir
    Path temp;

    @BeforeAll
    static void bashAndGitAreHere() {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the workflow's steps are bash scripts: no bash here");
    }

    @Test
    void should_have_as_many_matrix_entries_as_shards() {
        Workflow workflow = Workflow.load(Workflow.CLASSROOM);
        Map<?, ?> strategy = (Map<?, ?>) workflow.jobs().get("grade").get("strategy");
        List<?> shards = (List<?>) ((Map<?, ?>) strategy.get("matrix")).get("shard");

        assertThat(shards).hasSize(Integer.parseInt(workflow.env().get("SOCKLAB_SHARDS")));
        assertThat(strategy.get("fail-fast")).isEqualTo(false);
        assertThat(workflow.jobs().get("merge").get("if")).isEqualTo("${{ !cancelled() }}");
    }

    @Test
    void should_grade_shards_in_a_matrix_and_merge_them_into_one_gradebook_even_with_a_shard_lost() throws IOException {
        Path ana = repository("ana", true);
        Path bruno = repository("bruno", true);
        Path carla = repository("carla", false);
        Path teacher = temp.resolve("work/course-grading");
        Files.createDirectories(teacher);
        Files.writeString(
                teacher.resolve("roster.csv"),
                "student,repository\nana," + ana + "\nbruno," + bruno + "\ncarla," + carla + "\n");
        Workflow workflow = echocapsOnly();

        SimulatedRunner.JobRun first = shard(workflow, teacher, 1);
        SimulatedRunner.JobRun third = shard(workflow, teacher, 3);
        SimulatedRunner.JobRun merge = new SimulatedRunner(teacher, temp.resolve("runner-merge"))
                .with("inputs.deadline", "2026-12-10T23:59-03:00")
                .withArtifact("socklab-shard-1", first.named().get("socklab-shard-1"))
                .withArtifact("socklab-shard-3", third.named().get("socklab-shard-3"))
                .run(workflow, "merge");

        assertThat(first.succeeded()).as(describe(first)).isTrue();
        assertThat(third.succeeded()).as(describe(third)).isTrue();
        assertThat(merge.succeeded()).as(describe(merge)).isTrue();
        Path merged = merge.named().get("socklab-class");
        List<String> gradebook = Files.readAllLines(merged.resolve("gradebook.csv"));
        assertThat(gradebook).hasSize(4);
        assertThat(gradebook.get(1)).startsWith("ana,12,12,12,2,2,graded,,");
        assertThat(gradebook.get(2))
                .isEqualTo("bruno,0,0,0,0,0,not_graded,not graded: shard 2/3 left no result for this student,,,0");
        assertThat(gradebook.get(3))
                .isEqualTo("carla,0,0,0,0,0,not_graded,no commit at or before the deadline 2026-12-10T23:59-03:00,,,1");
        assertThat(merged.resolve("class.html")).content().contains("<tr class=\"student\"");
        assertThat(merged.resolve("reports/ana/report.html")).exists();
        assertThat(merge.summary())
                .contains("| ana | 12/12 | 2/2 |  | graded |")
                .contains("| bruno | 0/0 |  |  | not graded: not graded: shard 2/3 left no result for this student |");
        for (SimulatedRunner.JobRun job : List.of(first, third, merge)) {
            assertThat(describe(job) + job.summary()).doesNotContain(TOKEN);
        }
        assertThat(everyFileText(temp)).doesNotContain(TOKEN);
    }

    private SimulatedRunner.JobRun shard(Workflow workflow, Path teacher, int shard) {
        return new SimulatedRunner(teacher, temp.resolve("runner-" + shard))
                .with("matrix.shard", "" + shard)
                .with("inputs.deadline", "2026-12-10T23:59-03:00")
                .with("secrets.SOCKLAB_GIT_TOKEN", TOKEN)
                .run(workflow, "grade");
    }

    /** The workflow as shipped, grading echocaps alone. */
    private Workflow echocapsOnly() throws IOException {
        String text = Files.readString(Workflow.CLASSROOM, StandardCharsets.UTF_8);
        assertThat(text).contains("SOCKLAB_EXERCISES: ''");
        Path copy = temp.resolve("socklab-class.yml");
        Files.writeString(copy, text.replace("SOCKLAB_EXERCISES: ''", "SOCKLAB_EXERCISES: echocaps"));
        return Workflow.load(copy);
    }

    /** A student's repository with the reference solutions, committed on time or 30 s late. */
    private Path repository(String student, boolean onTime) {
        Path folder = Submissions.reference(temp.resolve("repos/" + student));
        git(folder, null, "init", "--quiet", "--initial-branch=main");
        git(folder, null, "add", "--all");
        git(
                folder,
                onTime ? "2026-12-10T20:00:00-03:00" : "2026-12-11T00:00:30-03:00",
                "-c",
                "user.name=S",
                "-c",
                "user.email=s@example.org",
                "commit",
                "--quiet",
                "-m",
                "work");
        return folder;
    }

    private static void git(Path folder, String date, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        if (date != null) {
            builder.environment().put("GIT_COMMITTER_DATE", date);
            builder.environment().put("GIT_AUTHOR_DATE", date);
        }
        try {
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String everyFileText(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
            return all.toString();
        }
    }

    private static String describe(SimulatedRunner.JobRun job) {
        return job.steps().stream()
                .map(step -> step.name() + ": " + step.outcome() + "\n" + step.stdout() + step.stderr())
                .collect(Collectors.joining("\n"));
    }
}
