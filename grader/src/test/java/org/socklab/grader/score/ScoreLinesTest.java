package org.socklab.grader.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;

/** The score a grading JVM hands back reads back whole, and only whole. */
class ScoreLinesTest {
    private static final ScoreReport REPORT = ScoreReport.of(List.of(
            ExerciseScore.of(Exercise.ECHOCAPS, List.of(
                    new TestScore("a", "replies\tto a line", 1, 1, Status.PASSED, ""),
                    new TestScore("b", "frames", 0, 2, Status.FAILED, "sent \"x\\n\"\nreceived\r\tnothing\\"))),
            ExerciseScore.of(Exercise.CHAT, List.of(
                    new TestScore("c", "talks", 0, 3, Status.NOT_RUN, "not run")))));

    @Test
    void should_read_back_the_report_it_wrote_tabs_line_ends_and_backslashes_included() {
        List<String> lines = ScoreLines.write(REPORT).lines().toList();

        assertThat(ScoreLines.read(lines)).isEqualTo(REPORT);
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
