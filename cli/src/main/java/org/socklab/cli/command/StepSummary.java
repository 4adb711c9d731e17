package org.socklab.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends Markdown to {@code $GITHUB_STEP_SUMMARY} when the command runs in a GitHub Actions step. Stateless. */
final class StepSummary {
    private StepSummary() {}

    static void append(Terminal terminal, String markdown) {
        String summary = terminal.environment().get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(summary),
                    markdown,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            terminal.err().println("socklab: cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage());
        }
    }
}
