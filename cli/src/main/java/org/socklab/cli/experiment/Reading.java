package org.socklab.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.socklab.grader.feedback.Feedback;

/**
 * The paragraph that reads the result in plain words: how many times each server's mean response
 * time grew from the fewest clients to the most, and why. A server whose growth is at least half
 * the sequential baseline's is said to behave like it. Stateless and thread-safe.
 */
final class Reading {
    private Reading() {}

    /** The sentences of the reading, in order; none when fewer than two client counts were run. */
    static List<Feedback> of(List<CaseResult> results, String submission) {
        List<Feedback> sentences = new ArrayList<>();
        Optional<Double> submissionGrowth = growth(results, Server.SUBMISSION);
        Optional<Double> baselineGrowth = growth(results, Server.SEQUENTIAL_BASELINE);
        if (submissionGrowth.isEmpty()) {
            return sentences;
        }
        int fewest = results.stream().mapToInt(CaseResult::clients).min().orElse(1);
        int most = results.stream().mapToInt(CaseResult::clients).max().orElse(1);
        if (baselineGrowth.isEmpty()) {
            sentences.add(Messages.of("reading.growth", most, fewest, submission, submissionGrowth.get()));
        } else {
            sentences.add(Messages.of(
                    "reading.compare", most, fewest, baselineGrowth.get(), submission, submissionGrowth.get()));
            boolean likeSequential = submissionGrowth.get() >= baselineGrowth.get() / 2;
            sentences.add(
                    likeSequential
                            ? Messages.of("reading.likeSequential", submission)
                            : Messages.of("reading.threaded"));
        }
        if (results.stream().anyMatch(CaseResult::ranOut)) {
            sentences.add(Messages.of("reading.ranOut"));
        }
        return sentences;
    }

    /** The mean at the most clients over the mean at the fewest, if both cases completed a request. */
    private static Optional<Double> growth(List<CaseResult> results, Server server) {
        List<CaseResult> cases = results.stream()
                .filter(result -> result.server() == server)
                .filter(result -> result.completed() > 0)
                .toList();
        if (cases.size() < 2) {
            return Optional.empty();
        }
        CaseResult fewest = cases.stream()
                .min(java.util.Comparator.comparingInt(CaseResult::clients))
                .orElseThrow();
        CaseResult most = cases.stream()
                .max(java.util.Comparator.comparingInt(CaseResult::clients))
                .orElseThrow();
        if (fewest.clients() == most.clients() || fewest.meanMillis() <= 0) {
            return Optional.empty();
        }
        return Optional.of(most.meanMillis() / fewest.meanMillis());
    }
}
