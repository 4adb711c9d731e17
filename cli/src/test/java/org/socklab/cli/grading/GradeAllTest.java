package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** grade-all keeps three lanes per processor busy, however many submissions at once. */
class GradeAllTest {
    @Test
    void should_grade_in_six_lanes_on_two_processors() {
        assertThat(GradeAll.lanes(2, 6, 2)).isEqualTo(6);
        assertThat(GradeAll.lanes(1, 6, 2)).isEqualTo(6);
    }

    @Test
    void should_not_flood_a_large_machine_when_every_processor_grades_a_submission() {
        assertThat(GradeAll.lanes(16, 6, 16)).isEqualTo(48);
    }

    @Test
    void should_start_no_more_lanes_than_exercises_can_be_graded_at_once() {
        assertThat(GradeAll.lanes(1, 6, 16)).isEqualTo(6);
        assertThat(GradeAll.lanes(2, 1, 16)).isEqualTo(2);
    }

    @Test
    void should_keep_lanes_per_processor_when_submissions_outnumber_them() {
        assertThat(GradeAll.lanes(8, 6, 2)).isEqualTo(6);
    }
}
