package org.socklab.grader.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Feedback;

/**
 * How a grading contains student code, as found on this machine: bubblewrap when it is installed
 * and can create (nested) namespaces here, else nothing, and why. Reports carry it, so that a
 * teacher sees at a glance whether a score was produced under the sandbox.
 *
 * <p>Immutable and thread-safe; {@link #detect()} runs {@code bwrap} twice (about 10 ms).
 *
 * @param sandbox the sandbox and its limits
 * @param version bubblewrap's version ({@code 0.8.0}); empty without a sandbox
 * @param why without a sandbox, why not (a message); empty with one
 */
public record Containment(Sandbox sandbox, String version, Optional<Feedback> why) {

    /** No sandbox, for the reason given. */
    public static Containment none(Feedback why) {
        return new Containment(Sandbox.NONE, "", Optional.of(why));
    }

    /** Turned off on the command line. */
    public static Containment off() {
        return none(CoreFeedback.sandboxOff());
    }

    public boolean sandboxed() {
        return sandbox.kind() != Sandbox.Kind.NONE;
    }

    /**
     * bubblewrap if it is on the {@code PATH}, with {@code prlimit}, and a sandbox nested in a
     * sandbox starts here (it does not where user namespaces are blocked, as under Ubuntu's
     * AppArmor restriction or Docker's default seccomp profile); else none, and why.
     */
    public static Containment detect() {
        return detect(System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** As {@link #detect()}, looking for the tools on {@code path} (a {@code PATH} value). */
    public static Containment detect(String path) {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return none(CoreFeedback.sandboxNotLinux());
        }
        Optional<Path> bwrap = onPath("bwrap", path);
        if (bwrap.isEmpty()) {
            return none(CoreFeedback.sandboxMissing("bwrap"));
        }
        if (onPath("prlimit", path).isEmpty()) {
            return none(CoreFeedback.sandboxMissing("prlimit"));
        }
        Run version = run(List.of(bwrap.get().toString(), "--version"));
        List<String> nested = List.of(
                bwrap.get().toString(),
                "--unshare-all",
                "--die-with-parent",
                "--ro-bind",
                "/",
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp",
                "--",
                bwrap.get().toString(),
                "--unshare-pid",
                "--die-with-parent",
                "--ro-bind",
                "/",
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--",
                "true");
        Run trial = run(nested);
        if (trial.status() != 0) {
            return none(CoreFeedback.sandboxBlocked(
                    trial.said().isEmpty() ? "exit status " + trial.status() : trial.said()));
        }
        String said = version.said();
        return new Containment(
                new Sandbox(Sandbox.Kind.BWRAP, Sandbox.Limits.DEFAULT),
                said.substring(said.lastIndexOf(' ') + 1),
                Optional.empty());
    }

    /**
     * The line for reports, as a value that the report renders: {@code sandbox: bwrap 0.8.0
     * (memory 512 MiB, ...)} or {@code sandbox: none, bwrap not found; student code ran as your user}.
     */
    public Feedback line() {
        return why.map(CoreFeedback::sandboxNone)
                .orElseGet(() -> CoreFeedback.sandboxUsed(
                        sandbox.kind().value(), version, sandbox.limits().feedback()));
    }

    private static Optional<Path> onPath(String name, String path) {
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What a short command said (its first line, on either stream) and its exit status. */
    private record Run(int status, String said) {}

    private static Run run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            String said;
            try (InputStream out = process.getInputStream()) {
                said = new String(out.readNBytes(4096), StandardCharsets.UTF_8)
                        .strip()
                        .lines()
                        .findFirst()
                        .orElse("");
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "no answer within 10 s");
            }
            return new Run(process.exitValue(), said);
        } catch (IOException e) {
            return new Run(-1, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
