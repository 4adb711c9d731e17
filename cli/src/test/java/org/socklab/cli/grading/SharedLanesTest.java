package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.Submissions;
import org.socklab.grader.Exercise;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.ExerciseScore;
import org.socklab.grader.score.TestSelection;

/** The lanes of a grade-all run grade one submission after another, each with its own classes. */
class SharedLanesTest {
    @TempDir
    Path work;

    @Test
    void should_grade_each_submission_with_its_own_classes_and_output_in_the_lane_they_share() throws Exception {
        Containment containment = Containment.detect();
        Path reference = compiled(Submissions.REPOSITORY.resolve("fixtures/reference"), "reference", containment);
        Path stub = compiled(Submissions.REPOSITORY.resolve("student-template"), "stub", containment);
        Path referenceOut = Files.createDirectories(work.resolve("reference-out"));
        Path stubOut = Files.createDirectories(work.resolve("stub-out"));
        List<Exercise> echocaps = List.of(Exercise.ECHOCAPS);

        List<ExerciseScore> first;
        List<ExerciseScore> second;
        List<ExerciseScore> third;
        try (SharedLanes lanes = SharedLanes.start(1, TestSelection.VISIBLE, containment)) {
            first = lanes.grade(echocaps, reference, referenceOut, GradingProgress.SILENT);
            second = lanes.grade(echocaps, stub, stubOut, GradingProgress.SILENT);
            third = lanes.grade(echocaps, reference, referenceOut, GradingProgress.SILENT);
        }

        assertThat(first)
                .singleElement()
                .satisfies(score -> assertThat(score.points()).isEqualTo(score.max()));
        assertThat(second)
                .singleElement()
                .satisfies(score -> assertThat(score.points()).isZero());
        assertThat(third).singleElement().satisfies(score -> {
            assertThat(score.points()).isEqualTo(score.max());
            // the lane's JVM graded all three: only the first counted its start
            assertThat(score.floor().jvmStarts()).isEqualTo(first.get(0).floor().jvmStarts() - 1);
        });
        assertThat(referenceOut.resolve("output-echocaps.log")).exists();
        assertThat(stubOut.resolve("output-echocaps.log")).exists();
    }

    private Path compiled(Path submission, String name, Containment containment) {
        Path sources = Submission.in(submission).copySources(work.resolve(name + "-src"));
        Compilation compilation = Compilation.of(sources, work.resolve(name + "-classes"), containment);
        assertThat(compilation.succeeded()).as(compilation.errors()).isTrue();
        return compilation.classes();
    }
}
