package org.socklab.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.Status;
import org.socklab.grader.score.TestScore;

/** The report writers on a score with hostile text in it, read back by real parsers. */
class ReportFormatsTest {
    private static final String NASTY = "got \"|<b>x</b>|\"\n::error::y\r\t`z`";
    private static final ScoreReport REPORT = new ScoreReport(
            1,
            3,
            List.of(new ExerciseScore(
                    Exercise.ECHOCAPS,
                    1,
                    3,
                    List.of(
                            new TestScore("a", CoreFeedback.text("first"), 1, 1, Status.PASSED, List.of()),
                            new TestScore(
                                    "b",
                                    CoreFeedback.text("second | tricky"),
                                    0,
                                    2,
                                    Status.FAILED,
                                    List.of(CoreFeedback.text(NASTY)))))));

    @Test
    void should_write_gradescope_results_that_parse_with_every_field() throws Exception {
        JsonNode results = new ObjectMapper().readTree(GradescopeJson.write(REPORT, "socklab: 1/3", Language.ENGLISH));

        assertThat(results.get("score").asInt()).isEqualTo(1);
        assertThat(results.get("tests")).hasSize(2);
        JsonNode failed = results.get("tests").get(1);
        assertThat(failed.get("name").asText()).isEqualTo("1. echocaps: second | tricky");
        assertThat(failed.get("score").asInt()).isZero();
        assertThat(failed.get("max_score").asInt()).isEqualTo(2);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("output").asText()).isEqualTo(NASTY);
        assertThat(failed.get("visibility").asText()).isEqualTo("visible");
    }

    @Test
    void should_keep_every_summary_row_on_one_line_with_student_text_escaped() {
        List<String> lines = SummaryMarkdown.write(
                        REPORT, "socklab: x", "", "sandbox: none", List.of(), Language.ENGLISH)
                .lines()
                .toList();

        String row = lines.stream()
                .filter(line -> line.startsWith("| echocaps | second"))
                .findFirst()
                .orElseThrow();
        assertThat(row)
                .contains("\\| tricky")
                .contains("&lt;b&gt;")
                .contains("<br>")
                .doesNotContain("<b>");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(5);
    }

    @Test
    void should_write_the_summary_in_portuguese_with_no_english_label() {
        String summary =
                SummaryMarkdown.write(REPORT, "socklab: x", "erro", "sandbox: nenhum", List.of(), Language.PORTUGUESE);

        assertThat(summary)
                .contains("| Exercício | Pontos |", "Pontos perdidos", "O que foi observado", "não compila")
                .doesNotContain("| Exercise |", "| Points |");
        for (String key : ReportTexts.MESSAGES.keys(Language.ENGLISH)) {
            if (key.startsWith("summary.")
                    && ReportTexts.text(Language.ENGLISH, key).contains(" ")) {
                assertThat(summary).doesNotContain(ReportTexts.text(Language.ENGLISH, key));
            }
        }
    }

    @Test
    void should_have_every_command_text_in_both_languages() {
        assertThat(ReportTexts.MESSAGES.keys(Language.PORTUGUESE))
                .containsExactlyElementsOf(ReportTexts.MESSAGES.keys(Language.ENGLISH));
    }

    @Test
    void should_quote_gradebook_fields_and_defuse_formulas() {
        assertThat(Gradebook.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Gradebook.field("plain")).isEqualTo("plain");
    }

    @Test
    void should_never_print_a_line_that_starts_a_workflow_command() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

        console.untrusted("ok\n   ::add-mask::secret\n::error::x");

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("ok", "[student text]    ::add-mask::secret", "[student text] ::error::x");
    }
}
