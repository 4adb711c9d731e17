package org.socklab.cli.classreport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a student's {@code score.json} (format {@code socklab-score/1}) back into its tests, for
 * the class report. Stateless and thread-safe.
 */
final class StudentScores {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StudentScores() {}

    /** The tests of the score file, in its order; empty when there is no such file or it cannot be read. */
    static Optional<List<TestResult>> read(Path scoreJson) {
        if (!Files.isRegularFile(scoreJson)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(scoreJson.toFile());
            List<TestResult> tests = new ArrayList<>();
            for (JsonNode exercise : root.path("exercises")) {
                for (JsonNode test : exercise.path("tests")) {
                    tests.add(new TestResult(
                            exercise.path("exercise").asText(),
                            exercise.path("number").asInt(),
                            test.path("id").asText(),
                            test.path("name").asText(),
                            test.path("points").asInt(),
                            test.path("max").asInt(),
                            test.path("status").asText(),
                            test.path("hidden").asBoolean(false),
                            test.path("feedback").asText()));
                }
            }
            return Optional.of(List.copyOf(tests));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
