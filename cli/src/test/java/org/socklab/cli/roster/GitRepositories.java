package org.socklab.cli.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Local git repositories for the tests, with commits dated at will ({@code GIT_COMMITTER_DATE}),
 * the way a student's history looks around a deadline. Stateless.
 */
public final class GitRepositories {
    private GitRepositories() {}

    /** Makes a repository in {@code folder} (which may already hold files). */
    public static Path init(Path folder) {
        git(folder, null, "init", "--quiet", "--initial-branch=main");
        return folder;
    }

    /** Commits everything in the folder, dated {@code date} (ISO 8601), and returns the commit's hash. */
    public static String commit(Path folder, String date, String message) {
        git(folder, null, "add", "--all");
        git(
                folder,
                date,
                "-c",
                "user.name=Student",
                "-c",
                "user.email=student@example.org",
                "commit",
                "--quiet",
                "--allow-empty",
                "-m",
                message);
        return git(folder, null, "rev-parse", "HEAD").strip();
    }

    public static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String git(Path folder, String date, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        builder.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        if (date != null) {
            builder.environment().put("GIT_COMMITTER_DATE", date);
            builder.environment().put("GIT_AUTHOR_DATE", date);
        }
        try {
            Files.createDirectories(folder);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
