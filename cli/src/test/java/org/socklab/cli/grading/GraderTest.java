package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;

/** The order in which a submission's exercises start grading: the longest first, none left out. */
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
}
