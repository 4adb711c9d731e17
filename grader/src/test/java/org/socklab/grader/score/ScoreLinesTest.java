package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.Shown;
import org.socklab.grader.harness.Floor;

/** The score a grading JVM hands back reads back whole, as messages, and only whole. */
class ScoreLinesTest {
    private static final ScoreReport REPORT = ScoreReport.of(List.of(
            ExerciseScore.of(
                    Exercise.ECHOCAPS,
                    List.of(
                            new TestScore("a\tb", CoreFeedback.notRun(), 1, 1, Status.PASSED, List.of()),
                            new TestScore(
                                    "b",
                                    CoreFeedback.notRun(),
                                    0,
                                    2,
                                    Status.FAILED,
                                    List.of(
                                            CoreFeedback.wrongReply("x\n", "X\n", "nothing\r\t\\"),
                                            CoreFeedback.notRun()))),
                    new Floor(Duration.ofMillis(2500), 3)),
            ExerciseScore.of(
                    Exercise.CHAT,
                    List.of(new TestScore(
                            "c", CoreFeedback.notRun(), 0, 3, Status.NOT_RUN, List.of(CoreFeedback.notRun()))))));

    @Test
    void should_read_back_the_report_it_wrote_messages_tabs_line_ends_and_backslashes_included() {
        List<String> lines = ScoreLines.write(REPORT).lines().toList();

        ScoreReport read = ScoreLines.read(lines);

        for (Language language : Language.values()) {
            assertThat(ScoreJson.write(read, language)).isEqualTo(ScoreJson.write(REPORT, language));
        }
        assertThat(read.exercises().get(0).tests().get(0).id()).isEqualTo("a\tb");
    }

    @Test
    void should_carry_each_exercise_s_floor_and_none_where_none_was_counted() {
        ScoreReport read = ScoreLines.read(ScoreLines.write(REPORT).lines().toList());

        assertThat(read.exercises().get(0).floor()).isEqualTo(new Floor(Duration.ofMillis(2500), 3));
        assertThat(read.exercises().get(1).floor()).isEqualTo(Floor.NONE);
        assertThat(ScoreJson.write(read, Language.ENGLISH))
                .contains("\"floor\": { \"windowsMs\": 2500, \"jvmStarts\": 3 }");
    }

    @Test
    void should_carry_a_quote_of_many_lines_inside_an_observation_inside_a_transcript() {
        List<Feedback> lines =
                IntStream.range(0, 16).mapToObj(i -> Shown.text("line " + i)).toList();
        Feedback deep = CoreFeedback.wrongReply("x\n", "X\n", "-");
        for (int level = 0; level < 3; level++) {
            deep = Feedback.of(CoreFeedback.MESSAGES, "shown.pair", deep, Shown.joined(lines));
        }
        ScoreReport report = ScoreReport.of(List.of(ExerciseScore.of(
                Exercise.CHAT,
                List.of(new TestScore("d", CoreFeedback.notRun(), 0, 1, Status.FAILED, List.of(deep))))));

        ScoreReport read = ScoreLines.read(ScoreLines.write(report).lines().toList());

        for (Language language : Language.values()) {
            assertThat(ScoreJson.write(read, language)).isEqualTo(ScoreJson.write(report, language));
        }
        assertThat(deep.render(Language.ENGLISH)).contains("\"line 0\", \"line 1\", \"line 2\"");
    }

    @Test
    void should_refuse_a_report_that_ended_early() {
        List<String> lines = ScoreLines.write(REPORT).lines().toList();

        assertThatThrownBy(() -> ScoreLines.read(lines.subList(0, lines.size() - 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_refuse_lines_that_are_not_a_score() {
        assertThatThrownBy(() -> ScoreLines.read(List.of("Points 100/100", "end")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
