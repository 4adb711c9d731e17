package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.Submissions;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.GradingJvm;
import org.socklab.grader.score.ScoreReport;
import org.socklab.grader.score.TestSelection;

/** A grading JVM grades a submission's exercises one after another, and a fresh one starts once it is closed. */
class GradingJvmTest {
    private static final Path REFERENCE = Submissions.REPOSITORY.resolve("fixtures/reference");

    @TempDir
    Path work;

    @Test
    void should_grade_exercises_one_after_another_in_one_jvm_each_with_its_own_output_file() throws Exception {
        Containment containment = Containment.detect();
        Path classes = compiledReference(containment);
        Path scratch = Files.createDirectories(work.resolve("out"));

        ScoreReport echocaps;
        ScoreReport http;
        try (GradingJvm jvm = GradingJvm.of(TestSelection.VISIBLE, classes, scratch, containment)) {
            echocaps = jvm.grade(Exercise.ECHOCAPS);
            http = jvm.grade(Exercise.HTTP);
        }

        assertThat(echocaps.exercises()).singleElement().satisfies(score -> {
            assertThat(score.exercise()).isEqualTo(Exercise.ECHOCAPS);
            assertThat(score.points()).isEqualTo(score.max());
        });
        assertThat(http.exercises()).singleElement().satisfies(score -> {
            assertThat(score.exercise()).isEqualTo(Exercise.HTTP);
            assertThat(score.points()).isEqualTo(score.max());
        });
        assertThat(scratch.resolve("grading-echocaps.log")).exists();
        assertThat(scratch.resolve("grading-http.log")).doesNotExist();
        assertThat(scratch.resolve("output-echocaps.log")).exists();
        assertThat(scratch.resolve("output-http.log")).exists();
    }

    @Test
    void should_count_a_fresh_jvm_start_for_the_next_exercise_once_closed() throws Exception {
        Containment containment = Containment.detect();
        Path classes = compiledReference(containment);
        Path scratch = Files.createDirectories(work.resolve("out"));

        try (GradingJvm jvm = GradingJvm.of(TestSelection.VISIBLE, classes, scratch, containment)) {
            ScoreReport first = jvm.grade(Exercise.ECHOCAPS);
            ScoreReport inTheSameJvm = jvm.grade(Exercise.ECHOCAPS);
            jvm.close();
            ScoreReport inAFreshJvm = jvm.grade(Exercise.ECHOCAPS);

            assertThat(starts(inTheSameJvm)).isEqualTo(starts(first) - 1);
            assertThat(starts(inAFreshJvm)).isEqualTo(starts(first));
            assertThat(inAFreshJvm.total()).isEqualTo(inAFreshJvm.max());
        }
    }

    private static int starts(ScoreReport report) {
        return report.exercises().get(0).floor().jvmStarts();
    }

    private Path compiledReference(Containment containment) {
        Path sources = Submission.in(REFERENCE).copySources(work.resolve("src"));
        Compilation compilation = Compilation.of(sources, work.resolve("classes"), containment);
        assertThat(compilation.succeeded()).as(compilation.errors()).isTrue();
        return compilation.classes();
    }
}
