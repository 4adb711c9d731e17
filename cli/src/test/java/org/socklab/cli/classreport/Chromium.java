package org.socklab.cli.classreport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}), offline: renders a page to its DOM after
 * parsing, or to a screenshot. Where it is not installed the tests that need it are skipped,
 * unless {@code SOCKLAB_REQUIRE_BROWSER=true} (CI sets it) makes that a failure. Stateless.
 */
final class Chromium {
    private static final long TIMEOUT_SECONDS = 120;

    private Chromium() {}

    /** The DOM of the page once loaded, serialized. */
    static String dumpDom(Path page, Path scratch) {
        return new String(run(scratch, List.of("--dump-dom", page.toUri().toString())), StandardCharsets.UTF_8);
    }

    /** A PNG of the page in a window of the given size. */
    static Path screenshot(Path page, Path png, int width, int height, Path scratch) {
        run(
                scratch,
                List.of(
                        "--screenshot=" + png.toAbsolutePath(),
                        "--window-size=" + width + "," + height,
                        "--hide-scrollbars",
                        page.toUri().toString()));
        return png;
    }

    private static byte[] run(Path scratch, List<String> args) {
        String program = program();
        List<String> command = new ArrayList<>(List.of(
                program,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + scratch.resolve("profile").toAbsolutePath()));
        command.addAll(args);
        try {
            Files.createDirectories(scratch);
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + Files.readString(err));
            }
            if (process.exitValue() != 0) {
                fail("chromium exited with " + process.exitValue() + ": " + Files.readString(err));
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String program() {
        for (String name : List.of("chromium", "chromium-browser")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        String why = "headless Chromium is not installed (Debian: apt-get install chromium)";
        if ("true".equals(System.getenv("SOCKLAB_REQUIRE_BROWSER"))) {
            fail(why + ", and SOCKLAB_REQUIRE_BROWSER=true");
        }
        abort(why);
        throw new AssertionError("unreachable");
    }
}
