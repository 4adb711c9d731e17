package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.checkout.Assignment;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;

/**
 * The repository {@code socklab assignment} writes, as a teacher pushes it and a student's push
 * runs it: its workflow passes both linters, names nothing outside the repository, grades exactly
 * the assignment's exercises out of their own maximum with the grader the repository ships, from
 * the code only (never the submission's own build or tests), fails only when grading cannot run,
 * and lists in the job summary every protected file the student changed.
 */
class AssignmentRepositoryTest {
    @TempDir
    Path temp;

    @BeforeAll
    static void bashIsHere() {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the assignment workflow's steps are bash scripts: no bash here");
    }

    @Test
    void should_write_a_workflow_that_passes_both_linters_and_names_nothing_outside_the_repository()
            throws IOException {
        Path assignment = assignment(temp.resolve("http-chat"), EnumSet.of(Exercise.HTTP, Exercise.CHAT));
        Path workflow = assignment.resolve(Assignment.WORKFLOW);

        Linters.Verdict actionlint = Linters.actionlint(workflow);
        Linters.Verdict schema = Linters.actionValidator(workflow);

        assertThat(actionlint.clean()).as(actionlint.output()).isTrue();
        assertThat(schema.clean()).as(schema.output()).isTrue();
        String text = Files.readString(workflow);
        assertThat(text)
                .doesNotContain("SOCKLAB_REPOSITORY")
                .doesNotContain("SOCKLAB_REF")
                .doesNotContainPattern("\\{\\{[A-Za-z0-9.-]+}}")
                .doesNotContain("secrets.")
                .contains("SOCKLAB_EXERCISES: http,chat");
        assertThat(Workflow.load(workflow).steps("grade"))
                .filteredOn(step -> step.uses() != null)
                .allSatisfy(step -> assertThat(step.with()).doesNotContainKey("repository"));
    }

    @Test
    void should_grade_exactly_its_exercises_out_of_their_own_maximum_with_an_unchanged_report() throws IOException {
        Path assignment = assignment(temp.resolve("work/echo-alice"), EnumSet.of(Exercise.ECHOCAPS));
        solve(assignment, "echocaps");

        SimulatedRunner.JobRun job = run(assignment);

        assertThat(job.succeeded()).as(describe(job)).isTrue();
        assertThat(job.checkouts()).containsExactly("self");
        List<String> out = job.step("Grade").stdout().lines().toList();
        assertThat(out.get(out.size() - 1)).isEqualTo("::notice title=Points::Points 10/10");
        assertThat(job.summary())
                .contains("| 1. echocaps | 10/10 |")
                .doesNotContain("2. http")
                .contains("Protected files (grader, tests, pom, wrapper, workflow): unchanged.");
        assertThat(job.summary().split("## socklab: echo-alice: 10/10", -1))
                .as("the summary is appended once")
                .hasSize(2);
        assertThat(job.artifacts()).hasSize(1);
        Path reports = job.artifacts().get(0);
        assertThat(reports.resolve("score.json")).exists();
        assertThat(reports.resolve("results.json")).exists();
        assertThat(job.summary()).startsWith(Files.readString(reports.resolve("summary.md")));
    }

    @Test
    void should_grade_only_the_code_whatever_the_submission_did_to_its_build_and_tests() throws IOException {
        Path assignment = assignment(temp.resolve("work/echo-carol"), EnumSet.of(Exercise.ECHOCAPS));
        Path ran = temp.resolve("the submission's build ran");
        Files.writeString(assignment.resolve("mvnw"), "#!/bin/sh\ntouch '" + ran + "'\nexit 1\n");
        Files.writeString(assignment.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>x</artifactId>
                <version>1</version><properties><skipTests>true</skipTests></properties></project>
                """);
        Files.writeString(
                assignment.resolve("src/test/java/lab/echocaps/EchoCapsServerTest.java"),
                "package lab.echocaps; class EchoCapsServerTest { }");

        SimulatedRunner.JobRun job = run(assignment);

        assertThat(job.succeeded()).as(describe(job)).isTrue();
        assertThat(ran).doesNotExist();
        List<String> out = job.step("Grade").stdout().lines().toList();
        assertThat(out.get(out.size() - 1)).isEqualTo("::notice title=Points::Points 0/10");
        assertThat(job.summary()).contains("not implemented yet");
    }

    @Test
    void should_fail_the_job_only_when_grading_cannot_run() throws IOException {
        Path assignment = assignment(temp.resolve("work/holiday-photos"), EnumSet.of(Exercise.ECHOCAPS));
        try (var tree = Files.walk(assignment.resolve("src"))) {
            for (Path path : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }

        SimulatedRunner.JobRun job = run(assignment);

        assertThat(job.succeeded()).isFalse();
        assertThat(job.step("Grade").outcome()).isEqualTo("failure");
        assertThat(job.step("Grade").stderr()).contains("not a socklab template");
        assertThat(job.step("Upload the reports").outcome())
                .as("reports are uploaded whatever happened")
                .isEqualTo("success");
    }

    @Test
    void should_list_in_the_summary_every_protected_file_a_student_changed_or_added() throws IOException {
        Path assignment = assignment(temp.resolve("work/echo-bob"), EnumSet.of(Exercise.ECHOCAPS));
        solve(assignment, "echocaps");
        Files.writeString(assignment.resolve("pom.xml"), "<project/>\n");
        Files.writeString(
                assignment.resolve("src/test/java/lab/echocaps/EchoCapsServerTest.java"),
                "package lab.echocaps; class EchoCapsServerTest { }");
        Files.writeString(
                assignment.resolve("src/test/java/lab/echocaps/Mine.java"), "package lab.echocaps; class Mine { }");
        Files.delete(assignment.resolve("mvnw.cmd"));

        SimulatedRunner.JobRun job = run(assignment);

        assertThat(job.succeeded()).as(describe(job)).isTrue();
        assertThat(job.step("Check the protected files").outcome()).isEqualTo("success");
        assertThat(job.summary())
                .contains("### Protected files changed")
                .contains(
                        "- `pom.xml`",
                        "- `src/test/java/lab/echocaps/EchoCapsServerTest.java`",
                        "- `src/test/java/lab/echocaps/Mine.java`",
                        "- `mvnw.cmd`")
                .doesNotContain("- `src/main/java");
        List<String> out = job.step("Grade").stdout().lines().toList();
        assertThat(out.get(out.size() - 1))
                .as("the grade ignores those changes")
                .isEqualTo("::notice title=Points::Points 10/10");
    }

    /** An assignment as the command writes it, shipping a jar that runs this test's build of the command. */
    private Path assignment(Path folder, EnumSet<Exercise> exercises) throws IOException {
        Path jar = temp.resolve("socklab.jar");
        if (!Files.exists(jar)) {
            GraderCheckout.writeLauncherJar(jar);
        }
        Assignment.write(folder, exercises, Language.ENGLISH, Files.readAllBytes(jar));
        return folder;
    }

    private static void solve(Path assignment, String exercise) throws IOException {
        Path from = Workflow.REPOSITORY
                .resolve("fixtures/reference/src/main/java/lab")
                .resolve(exercise);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(
                        file,
                        assignment
                                .resolve("src/main/java/lab")
                                .resolve(exercise)
                                .resolve(file.getFileName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private SimulatedRunner.JobRun run(Path assignment) {
        return new SimulatedRunner(assignment, temp.resolve("runner-" + assignment.getFileName()))
                .run(Workflow.load(assignment.resolve(Assignment.WORKFLOW)), "grade");
    }

    private static String describe(SimulatedRunner.JobRun job) {
        return job.steps().stream()
                .map(step -> step.name() + ": " + step.outcome() + "\n" + step.stdout() + step.stderr())
                .collect(Collectors.joining("\n"));
    }
}
