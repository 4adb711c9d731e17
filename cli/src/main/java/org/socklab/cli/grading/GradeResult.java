package org.socklab.cli.grading;

import java.time.Duration;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.ScoreReport;

/**
 * One submission graded.
 *
 * @param submission what was graded
 * @param report its score
 * @param compileErrors javac's errors when it did not compile (then every test scored zero); empty otherwise
 * @param elapsed how long grading took
 * @param containment how student code was contained
 */
public record GradeResult(Submission submission, ScoreReport report, String compileErrors, Duration elapsed,
        Containment containment) {

    public boolean compiled() {
        return compileErrors.isEmpty();
    }
}
