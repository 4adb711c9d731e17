package org.socklab.cli.grading;

import java.time.Duration;
import java.util.List;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.Language;
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
 * @param notices what grading changed in a copy of the sources to compile them (a byte order mark
 *     removed), for the reports; empty when nothing
 */
public record GradeResult(
        Submission submission,
        ScoreReport report,
        String compileErrors,
        Duration elapsed,
        Containment containment,
        List<Feedback> notices) {

    public GradeResult {
        notices = List.copyOf(notices);
    }

    /** The notices, one line each, in a language. */
    public List<String> notices(Language language) {
        return notices.stream().map(notice -> notice.render(language)).toList();
    }

    public boolean compiled() {
        return compileErrors.isEmpty();
    }
}
