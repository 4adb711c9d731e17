package org.socklab.cli.grading;

import java.time.Duration;
import org.socklab.grader.score.ScoreReport;

/**
 * One submission graded.
 *
 * @param submission what was graded
 * @param report its score
 * @param compileErrors javac's errors when it did not compile (then every test scored zero); empty otherwise
 * @param elapsed how long grading took
 */
public record GradeResult(Submission submission, ScoreReport report, String compileErrors, Duration elapsed) {

    public boolean compiled() {
        return compileErrors.isEmpty();
    }
}
