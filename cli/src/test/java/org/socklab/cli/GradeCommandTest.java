package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.report.ReportTexts;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;

/** The {@code grade} command end to end: scores, reports, exit status, and what cannot be graded. */
class GradeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void should_give_the_bundled_reference_full_marks_and_write_every_report() throws IOException {
        Path out = temp.resolve("reports");

        Submissions.Run run = Submissions.socklab("grade", "--out", out.toString(), "--lang", "en");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode score = JSON.readTree(out.resolve(Reports.SCORE).toFile());
        assertThat(score.get("format").asText()).isEqualTo("socklab-score/1");
        assertThat(score.get("total").asInt())
                .isPositive()
                .isEqualTo(score.get("max").asInt());
        assertThat(run.out())
                .contains("Points " + score.get("total").asInt() + "/"
                        + score.get("max").asInt());

        JsonNode results = JSON.readTree(out.resolve(Reports.GRADESCOPE).toFile());
        assertThat(results.get("score").asInt()).isEqualTo(score.get("total").asInt());
        assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> {
            assertThat(test.get("name").asText()).isNotBlank();
            assertThat(test.get("score").asInt())
                    .isEqualTo(test.get("max_score").asInt());
            assertThat(test.get("status").asText()).isEqualTo("passed");
            assertThat(test.get("visibility").asText()).isEqualTo("visible");
            assertThat(test.has("output")).isTrue();
        });

        List<String> summary = Files.readAllLines(out.resolve(Reports.SUMMARY));
        assertThat(summary.get(0)).startsWith("## socklab: reference: ");
        assertThat(summary)
                .contains("| Exercise | Points |", "|---|---:|")
                .anySatisfy(line -> assertThat(line).matches("\\| 1\\. echocaps \\| \\d+/\\d+ \\|"))
                .anySatisfy(line -> assertThat(line).startsWith("| **Total** |"));
    }

    @Test
    void should_give_the_untouched_template_zero_and_still_complete() throws IOException {
        Path template = Submissions.template(temp.resolve("student"));

        Submissions.Run run = Submissions.socklab("grade", template.toString(), "--lang", "en");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode score =
                JSON.readTree(template.resolve("target/socklab/score.json").toFile());
        assertThat(score.get("total").asInt()).isZero();
        assertThat(score.get("max").asInt()).isPositive();
        assertThat(run.out()).contains("not implemented yet");
    }

    @Test
    void should_grade_a_submission_whose_pom_and_tests_were_edited_like_one_without_the_edits() throws IOException {
        Path plain = Submissions.reference(temp.resolve("plain"));
        Path edited = Submissions.reference(temp.resolve("edited"));
        Files.writeString(edited.resolve("pom.xml"), """
                <project><modelVersion>4.0.0</modelVersion><groupId>x</groupId><artifactId>x</artifactId>
                <version>1</version><properties><maven.test.skip>true</maven.test.skip>
                <skipTests>true</skipTests></properties></project>
                """);
        Files.createDirectories(edited.resolve("src/test/java/lab/echocaps"));
        Files.writeString(
                edited.resolve("src/test/java/lab/echocaps/EchoCapsServerTest.java"),
                "package lab.echocaps; class EchoCapsServerTest { }");

        Submissions.Run plainRun =
                Submissions.socklab("grade", plain.toString(), "--lang", "en", "--exercises", "echocaps");
        Submissions.Run editedRun =
                Submissions.socklab("grade", edited.toString(), "--lang", "en", "--exercises", "echocaps");

        assertThat(editedRun.status()).isEqualTo(plainRun.status()).isZero();
        assertThat(passedTests(edited)).isEqualTo(passedTests(plain)).isNotEmpty();
    }

    @Test
    void should_grade_the_exercises_of_the_command_line_whatever_the_submissions_checkout_state_names()
            throws IOException {
        Path submission = Submissions.reference(temp.resolve("student"));
        Files.createDirectories(submission.resolve(".socklab"));
        Files.writeString(submission.resolve(".socklab/checkout.properties"), "key=echocaps\n");

        Submissions.Run run =
                Submissions.socklab("grade", submission.toString(), "--lang", "en", "--exercises", "echocaps,http");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode score =
                JSON.readTree(submission.resolve("target/socklab/score.json").toFile());
        assertThat(score.get("exercises")).hasSize(2);
        assertThat(score.get("total").asInt()).isEqualTo(score.get("max").asInt());
        assertThat(score.get("sandbox").get("line").asText()).startsWith("sandbox: ");
        assertThat(run.out()).contains(score.get("sandbox").get("line").asText());
        assertThat(Files.readString(submission.resolve("target/socklab/summary.md")))
                .contains(score.get("sandbox").get("line").asText());
    }

    @Test
    void should_refuse_at_once_in_one_line_to_grade_without_the_sandbox_when_it_is_required() {
        Path out = temp.resolve("reports");

        Submissions.Run run = Submissions.socklab(
                Map.of("PATH", temp.resolve("no-tools").toString()),
                "grade",
                "--sandbox",
                "required",
                "--out",
                out.toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .isEqualTo("socklab: --sandbox required, but sandbox: none, bwrap not found;"
                        + " student code ran as your user");
        assertThat(out).doesNotExist();
    }

    @Test
    void should_refuse_a_source_that_is_a_symbolic_link_in_one_line_and_never_follow_it() throws IOException {
        Path victim = Submissions.reference(temp.resolve("victim"));
        Path student = Submissions.template(temp.resolve("student"));
        Path stub = student.resolve("src/main/java/lab/echocaps/EchoCapsServer.java");
        Files.delete(stub);
        Files.createSymbolicLink(stub, victim.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"));

        Submissions.Run run = Submissions.socklab("grade", student.toString(), "--exercises", "echocaps");

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .startsWith("socklab: student: src/main/java/lab/echocaps/EchoCapsServer.java"
                        + " is a symbolic link: refused")
                .doesNotContain("\n");
    }

    @Test
    void should_never_write_reports_through_a_link_the_submission_committed() throws IOException {
        Path teacher = Files.writeString(temp.resolve("teacher.txt"), "the teacher's own file\n");
        Path elsewhere = Files.createDirectories(temp.resolve("someone-else"));
        Path linkedTarget = Submissions.reference(temp.resolve("linked-target"));
        Files.createSymbolicLink(linkedTarget.resolve("target"), elsewhere);
        Path linkedLog = Submissions.reference(temp.resolve("linked-log"));
        Files.createDirectories(linkedLog.resolve("target/socklab"));
        Files.createSymbolicLink(linkedLog.resolve("target/socklab/output.log"), teacher);

        Submissions.Run refused = Submissions.socklab("grade", linkedTarget.toString(), "--exercises", "echocaps");
        Submissions.Run graded = Submissions.socklab("grade", linkedLog.toString(), "--exercises", "echocaps");

        assertThat(refused.status()).isEqualTo(Cli.FAILED);
        assertThat(refused.err().strip())
                .contains("target in the submission is a symbolic link")
                .doesNotContain("\n");
        assertThat(elsewhere).isEmptyDirectory();
        assertThat(graded.status()).as(graded.err()).isZero();
        assertThat(teacher).hasContent("the teacher's own file");
        assertThat(Files.isSymbolicLink(linkedLog.resolve("target/socklab/output.log")))
                .isFalse();
    }

    @Test
    void should_refuse_an_exercise_it_cannot_grade_and_name_those_it_can() {
        Submissions.Run run = Submissions.socklab("grade", "--exercises", "echocaps,nope");

        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("socklab: Invalid value for option '--exercises'")
                .contains("no graded exercise nope (known: echocaps");
    }

    @Test
    void should_refuse_an_unknown_language_in_one_line_before_grading() {
        Submissions.Run run = Submissions.socklab("grade", "--lang", "xx");

        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("socklab: Invalid value for option '--lang': unknown language xx (known: en, pt)");
    }

    @Test
    void should_suggest_the_command_meant_by_a_typo_in_one_line() {
        Submissions.Run run = Submissions.socklab("grad");

        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("socklab: ")
                .contains("did you mean grade");
    }

    @Test
    void should_print_the_usage_of_every_command_on_help() {
        Submissions.Run run = Submissions.socklab("--help");

        assertThat(run.status()).isEqualTo(Cli.OK);
        assertThat(run.out()).contains("Usage: socklab", "grade", "grade-all", "checkout", "site");
    }

    @Test
    void should_fail_in_one_line_when_the_folder_does_not_exist() {
        Submissions.Run run =
                Submissions.socklab("grade", temp.resolve("nobody").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip()).startsWith("socklab: no such folder:").doesNotContain("\n");
    }

    @Test
    void should_fail_in_one_line_when_the_folder_is_not_a_template() throws IOException {
        Files.createDirectories(temp.resolve("photos"));

        Submissions.Run run =
                Submissions.socklab("grade", temp.resolve("photos").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .startsWith("socklab: not a socklab template:")
                .doesNotContain("\n");
    }

    @Test
    void should_report_a_buggy_submission_in_portuguese_with_no_english_sentence() throws IOException {
        Path buggy = Submissions.reference(temp.resolve("buggy"));
        Submissions.copy(
                Submissions.REPOSITORY.resolve("fixtures/echocaps/bug-keeps-carriage-return/src"),
                buggy.resolve("src"));
        Path out = temp.resolve("out");

        Submissions.Run run = Submissions.socklab(
                "grade", buggy.toString(), "--lang", "pt", "--exercises", "echocaps", "--out", out.toString());

        assertThat(run.status()).isEqualTo(Cli.OK);
        List<String> reports = List.of(
                run.out(),
                Files.readString(out.resolve(Reports.SCORE)),
                Files.readString(out.resolve(Reports.SUMMARY)),
                Files.readString(out.resolve(Reports.GRADESCOPE)));
        assertThat(reports.get(0)).contains("FALHOU", "Relatórios gravados em", "Pontos ");
        List<String> english =
                EnglishSentences.of(List.of(CoreFeedback.MESSAGES, Exercise.ECHOCAPS.messages(), ReportTexts.MESSAGES));
        assertThat(english).hasSizeGreaterThan(20);
        for (String report : reports) {
            for (String sentence : english) {
                assertThat(report)
                        .as("an English sentence in a Portuguese report")
                        .doesNotContain(sentence);
            }
        }
    }

    @Test
    void should_show_the_compiler_errors_and_score_every_exercise_zero_when_it_does_not_compile() throws IOException {
        Path broken = Submissions.reference(temp.resolve("broken"));
        Files.writeString(
                broken.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"),
                "package lab.echocaps; public class EchoCapsServer { int x = ; }");

        Submissions.Run run = Submissions.socklab("grade", broken.toString(), "--lang", "en");

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err()).contains("EchoCapsServer.java").contains("does not compile");
        JsonNode score =
                JSON.readTree(broken.resolve("target/socklab/score.json").toFile());
        assertThat(score.get("total").asInt()).isZero();
        assertThat(score.get("max").asInt()).isPositive();
        assertThat(score.get("exercises"))
                .allSatisfy(
                        exercise -> assertThat(exercise.get("points").asInt()).isZero());
        assertThat(JSON.readTree(broken.resolve("target/socklab/results.json").toFile())
                        .get("score")
                        .asInt())
                .isZero();
    }

    @Test
    void should_leave_no_report_of_an_earlier_run_after_a_compile_error() throws IOException {
        Path broken = Submissions.reference(temp.resolve("broken"));
        Path reports = Files.createDirectories(broken.resolve("target/socklab"));
        for (String report : List.of(Reports.SCORE, Reports.SUMMARY, Reports.GRADESCOPE, Reports.OUTPUT_LOG)) {
            Files.writeString(reports.resolve(report), "an earlier run's " + report);
        }
        Files.writeString(
                broken.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"),
                "package lab.echocaps; public class EchoCapsServer { int x = ; }");

        Submissions.Run run =
                Submissions.socklab("grade", broken.toString(), "--lang", "en", "--exercises", "echocaps");

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        for (String report : List.of(Reports.SCORE, Reports.SUMMARY, Reports.GRADESCOPE, Reports.OUTPUT_LOG)) {
            assertThat(reports.resolve(report)).content().as(report).doesNotContain("an earlier run");
        }
        assertThat(JSON.readTree(reports.resolve(Reports.SCORE).toFile())
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(reports.resolve(Reports.OUTPUT_LOG)).content().contains("EchoCapsServer.java");
        assertThat(reports.resolve(Reports.SUMMARY)).content().contains("EchoCapsServer.java");
    }

    @Test
    void should_fail_in_one_line_before_grading_when_the_reports_cannot_be_written() throws IOException {
        Path submission = Submissions.reference(temp.resolve("alice"));
        Path inTheWay = Files.writeString(temp.resolve("a-file"), "not a folder");

        Submissions.Run run = Submissions.socklab(
                "grade",
                submission.toString(),
                "--out",
                inTheWay.resolve("reports").toString());

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .startsWith("socklab: cannot write the reports into ")
                .contains("nothing was graded")
                .doesNotContain("\n");
        assertThat(run.err()).doesNotContain("socklab: grading");
        assertThat(submission.resolve("target")).doesNotExist();
    }

    @Test
    void should_show_the_exercise_being_graded_and_the_tests_done() throws IOException {
        Path submission = Submissions.reference(temp.resolve("alice"));

        Submissions.Run run =
                Submissions.socklab("grade", submission.toString(), "--lang", "en", "--exercises", "echocaps");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.err().lines().toList())
                .as("plain lines when the output is not a terminal")
                .anySatisfy(line -> assertThat(line).isEqualTo("socklab: grading 1. echocaps"))
                .anySatisfy(line -> assertThat(line).matches("socklab: 1\\. echocaps: (\\d+)/\\1 in .* s"))
                .noneSatisfy(line -> assertThat(line).contains("\r"));
    }

    @Test
    void should_refuse_to_grade_with_no_folder_when_no_reference_is_named() {
        Submissions.Run run = Submissions.socklabAlone(Map.of(), "grade");

        assertThat(run.status()).isEqualTo(Cli.FAILED);
        assertThat(run.err().strip())
                .startsWith("socklab: give the folder to grade")
                .doesNotContain("\n");
    }

    @Test
    void should_fence_student_text_and_print_the_points_notice_under_github_actions() throws IOException {
        Path sneaky = Submissions.reference(temp.resolve("sneaky"));
        Files.writeString(sneaky.resolve("src/main/java/lab/echocaps/EchoCapsServer.java"), """
                package lab.echocaps;
                public class EchoCapsServer {
                    public static void serve(java.net.ServerSocket listener) {
                        throw new IllegalStateException("x\\n::error title=pwned::injected\\n  ::set-output name=a::b");
                    }
                }
                """);
        Path summary = temp.resolve("step-summary.md");

        Submissions.Run run = Submissions.socklab(
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString()),
                "grade",
                sneaky.toString(),
                "--lang",
                "en",
                "--exercises",
                "echocaps");

        assertThat(run.status()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines)
                .noneMatch(line -> line.stripLeading().startsWith("::error"))
                .noneMatch(line -> line.stripLeading().startsWith("::set-output"));
        assertThat(lines.get(0)).matches("::stop-commands::[0-9a-f]{32}");
        String token = lines.get(0).substring("::stop-commands::".length());
        assertThat(lines).contains("::" + token + "::");
        assertThat(lines.get(lines.size() - 1)).matches("::notice title=Points::Points \\d+/\\d+");
        assertThat(lines).anyMatch(line -> line.matches("\\[student text\\] +::error title=pwned::injected"));
        assertThat(Files.readString(summary)).startsWith("## socklab: sneaky: ");
    }

    private static List<String> passedTests(Path submission) throws IOException {
        List<String> passed = new ArrayList<>();
        for (JsonNode exercise : JSON.readTree(
                        submission.resolve("target/socklab/score.json").toFile())
                .get("exercises")) {
            for (JsonNode test : exercise.get("tests")) {
                passed.add(exercise.get("exercise").asText() + "."
                        + test.get("id").asText() + "=" + test.get("passed").asBoolean());
            }
        }
        return passed;
    }
}
