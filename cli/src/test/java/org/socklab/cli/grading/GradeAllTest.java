package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** grade-all keeps about two exercises per processor in flight, however many submissions at once. */
class GradeAllTest {
    @Test
    void should_grade_two_exercises_of_each_of_two_submissions_at_once_on_two_processors() {
        assertThat(GradeAll.exercisesAtOnce(2, 2)).isEqualTo(2);
    }

    @Test
    void should_grade_as_many_exercises_at_once_as_grade_does_when_few_submissions_run_on_many_processors() {
        assertThat(GradeAll.exercisesAtOnce(4, 16)).isEqualTo(8);
        assertThat(GradeAll.exercisesAtOnce(1, 2)).isEqualTo(2);
    }

    @Test
    void should_not_flood_a_large_machine_when_every_processor_grades_a_submission() {
        assertThat(GradeAll.exercisesAtOnce(16, 16)).isEqualTo(2);
    }

    @Test
    void should_grade_one_exercise_at_a_time_when_submissions_outnumber_twice_the_processors() {
        assertThat(GradeAll.exercisesAtOnce(8, 2)).isEqualTo(1);
    }
}
