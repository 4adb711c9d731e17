package org.socklab.cli.classreport;

import java.nio.file.Path;
import java.util.List;

/**
 * The share of a student's score that hidden tests make, read from their {@code score.json}.
 *
 * @param points earned in hidden tests
 * @param max what the hidden tests are worth
 */
public record HiddenShare(int points, int max) {
    public static final HiddenShare NONE = new HiddenShare(0, 0);

    /** From the score file; {@link #NONE} when there is none. */
    public static HiddenShare of(Path scoreJson) {
        List<TestResult> tests = StudentScores.read(scoreJson).orElse(List.of());
        return new HiddenShare(
                tests.stream()
                        .filter(TestResult::hidden)
                        .mapToInt(TestResult::points)
                        .sum(),
                tests.stream()
                        .filter(TestResult::hidden)
                        .mapToInt(TestResult::max)
                        .sum());
    }
}
