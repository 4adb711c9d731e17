package org.socklab.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assignment workflow, run step by step on a scratch copy of a submission (see
 * {@link SimulatedRunner}): what a student sees after a push is the job's status, the summary and
 * the {@code Points X/Y} notice, so that is what is checked, from the workflow file as shipped.
 */
class AssignmentWorkflowTest {
    private static final Pattern NOTICE = Pattern.compile("::notice title=Points::Points (\\d+)/(\\d+)");

    @TempDir
    Path temp;

    @BeforeAll
    static void bashIsHere() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "the assignment workflow's steps are bash scripts: no bash here");
    }

    @Test
    void should_grade_a_push_into_a_summary_with_the_score_table_and_a_points_notice() throws IOException {
        Path submission = Submissions.reference(temp.resolve("work/echo-alice"));

        SimulatedRunner.JobRun job = run(submission);

        assertThat(job.succeeded()).as(describe(job)).isTrue();
        assertThat(job.checkouts()).containsExactly("self", "socklab/socklab@v0.1.0");
        List<String> out = job.step("Grade").stdout().lines().toList();
        Matcher notice = NOTICE.matcher(out.get(out.size() - 1));
        assertThat(notice.matches()).as("last line of the Grade step: %s", out.get(out.size() - 1)).isTrue();
        String points = notice.group(1) + "/" + notice.group(2);
        assertThat(notice.group(1)).as("the reference scores full marks").isEqualTo(notice.group(2));
        assertThat(Integer.parseInt(notice.group(2))).isPositive();

        assertThat(job.summary()).contains("| Exercise | Points |\n|---|---:|\n")
                .containsPattern("\\| 1\\. echocaps \\| \\d+/\\d+ \\|")
                .contains("| **Total** | **" + points + "** |");
        assertThat(job.summary()).as("graded in the sandbox, and saying so").contains("sandbox: bwrap");
        assertThat(job.summary().split("## socklab: echo-alice: " + points, -1))
                .as("the summary is appended once").hasSize(2);

        assertThat(job.artifacts()).hasSize(1);
        Path reports = job.artifacts().get(0);
        assertThat(reports.resolve("score.json")).exists();
        assertThat(reports.resolve("results.json")).exists();
        assertThat(reports.resolve("summary.md")).content().isEqualTo(job.summary());
    }

    @Test
    void should_grade_only_the_code_whatever_the_submission_did_to_its_build_and_tests() throws IOException {
        Path submission = Submissions.template(temp.resolve("work/echo-bob"));
        Path ran = temp.resolve("the submission's build ran");
        Files.writeString(submission.resolve("mvnw"), "#!/bin/sh\ntouch '" + ran + "'\nexit 1\n");
        Files.writeString(submission.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>x</artifactId>
                <version>1</version><properties><skipTests>true</skipTests></properties></project>
                """);
        Files.writeString(submission.resolve("src/test/java/lab/echocaps/EchoCapsServerTest.java"),
                "package lab.echocaps; class EchoCapsServerTest { }");
        Files.createDirectories(submission.resolve(".socklab/grader"));
        Files.writeString(submission.resolve(".socklab/grader/socklab"), "#!/bin/sh\necho '::notice title=Points::Points 100/100'\n");

        SimulatedRunner.JobRun job = run(submission);

        assertThat(job.succeeded()).as(describe(job)).isTrue();
        assertThat(ran).doesNotExist();
        List<String> out = job.step("Grade").stdout().lines().toList();
        assertThat(out.get(out.size() - 1)).matches("::notice title=Points::Points 0/[1-9]\\d*");
        assertThat(job.summary()).contains("not implemented yet");
    }

    @Test
    void should_fail_the_job_only_when_grading_cannot_run() throws IOException {
        Path notATemplate = temp.resolve("work/holiday-photos");
        Files.createDirectories(notATemplate);
        Files.writeString(notATemplate.resolve("README.md"), "photos\n");

        SimulatedRunner.JobRun job = run(notATemplate);

        assertThat(job.succeeded()).isFalse();
        assertThat(job.step("Grade").outcome()).isEqualTo("failure");
        assertThat(job.step("Grade").stderr()).contains("not a socklab template");
        assertThat(job.step("Upload the reports").outcome()).as("reports are uploaded whatever happened").isEqualTo("success");
    }

    private SimulatedRunner.JobRun run(Path submission) {
        return new SimulatedRunner(submission, temp.resolve("runner")).run(Workflow.load(Workflow.ASSIGNMENT), "grade");
    }

    private static String describe(SimulatedRunner.JobRun job) {
        return job.steps().stream()
                .map(step -> step.name() + ": " + step.outcome() + "\n" + step.stdout() + step.stderr())
                .collect(Collectors.joining("\n"));
    }
}
