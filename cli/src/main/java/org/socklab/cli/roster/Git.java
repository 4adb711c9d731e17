package org.socklab.cli.roster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs the {@code git} command, bounded in time, with the teacher's own configuration (credential
 * helpers, SSH keys, allowed protocols) and never a prompt: a repository that needs a password git
 * was not given fails, it does not wait for a keyboard.
 *
 * <p>What git says goes through {@link #redacted(String)} before it is shown anywhere: a URL's
 * user information is replaced, so a credential never reaches a report. Stateless and thread-safe.
 */
final class Git {
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");

    private final Duration timeout;

    Git(Duration timeout) {
        this.timeout = timeout;
    }

    /** What one git command did. */
    record Result(int status, String out) {
        boolean succeeded() {
            return status == 0;
        }

        /** The first line git wrote, redacted: a reason for a gradebook. */
        String reason() {
            String first = out.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .findFirst()
                    .orElse("git failed");
            return redacted(first.length() > 300 ? first.substring(0, 300) + "..." : first);
        }
    }

    /** Whether git can be run at all. */
    boolean available() {
        try {
            return run(null, List.of("--version")).succeeded();
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs {@code git ARGS} in a folder (or here), its output and errors together.
     *
     * @throws IllegalStateException if git cannot be started
     */
    Result run(Path folder, List<String> args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (folder != null) {
            builder.directory(folder.toFile());
        }
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        builder.environment().put("GIT_ASKPASS", "true");
        builder.environment().put("SSH_ASKPASS", "true");
        builder.environment()
                .put("GIT_SSH_COMMAND", builder.environment().getOrDefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes"));
        builder.environment().put("LC_ALL", "C");
        Path output = null;
        try {
            output = Files.createTempFile("socklab-git-", ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "git did not finish within " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    /** The text with every URL's user information replaced by {@code ***}. */
    static String redacted(String text) {
        return USERINFO.matcher(text).replaceAll("$1***@");
    }
}
