package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.score.Grading;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.TestSelection;

/**
 * The order in which a submission's exercises start grading (the longest first, none left out), and
 * the zeros of a grading cancelled while it compiled.
 */
class GraderTest {
    @Test
    void should_start_the_longest_exercises_first_and_every_exercise_once() {
        assertThat(Grader.longestFirst(EnumSet.allOf(Exercise.class)))
                .startsWith(Exercise.CHAT, Exercise.QUEUE)
                .endsWith(Exercise.ECHOCAPS)
                .containsExactlyInAnyOrder(Exercise.values());
    }

    @Test
    void should_start_only_the_exercises_asked_for() {
        assertThat(Grader.longestFirst(EnumSet.of(Exercise.ECHOCAPS, Exercise.CHAT)))
                .containsExactly(Exercise.CHAT, Exercise.ECHOCAPS);
    }

    @Test
    void should_list_every_test_not_run_on_a_thread_interrupted_at_its_timeout_and_keep_the_interrupt() {
        ScoreReport zeros;
        boolean stillInterrupted;
        Thread.currentThread().interrupt();
        try {
            zeros = Grading.notRun(EnumSet.of(Exercise.ECHOCAPS), TestSelection.VISIBLE_AND_HIDDEN);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(zeros.total()).isZero();
        assertThat(zeros.max()).isPositive();
        assertThat(stillInterrupted).isTrue();
    }
}
