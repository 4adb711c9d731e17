package org.socklab.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one job of a workflow here, the way a GitHub-hosted Linux runner would as far as the
 * {@code run:} steps can tell: each script in order with bash, in the workspace, with
 * {@code GITHUB_ACTIONS=true} and {@code GITHUB_STEP_SUMMARY}, {@code GITHUB_OUTPUT},
 * {@code GITHUB_ENV}, {@code GITHUB_PATH} pointing at fresh files per step (what a step writes to
 * {@code GITHUB_ENV} and {@code GITHUB_PATH} reaches the later ones, as on GitHub).
 *
 * <p>The {@code uses:} steps are simulated, and only those this project's workflows use:
 * the checkout of the repository itself is the workspace the caller prepared; a checkout of another
 * repository is {@link GraderCheckout the grader made from this working tree}; {@code setup-java}
 * is the JDK running this test; {@code upload-artifact} records the path it would upload, under its
 * name; {@code download-artifact} copies the artifacts given to the runner whose names match its
 * {@code pattern}, each into a folder of its name, as version 4 does. Anything
 * else fails, so a new step cannot slip past the test unsimulated. Expressions are evaluated only
 * where a {@code uses:} step's inputs or a step's {@code env} need them ({@code env.*},
 * {@code runner.temp}, {@code github.workspace}, and the {@code matrix.*}, {@code inputs.*} and
 * {@code secrets.*} values given to the runner, a secret not given being empty as on GitHub); a
 * {@code run:} script must take what it needs from the environment,
 * which is also what keeps it safe from injection.
 *
 * <p>Not thread-safe: one instance runs one job once.
 */
final class SimulatedRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(5);

    private final Path workspace;
    private final Path runnerTemp;
    private final Path files;
    private final Map<String, String> environment = new LinkedHashMap<>();
    /** The {@code env} context: what the workflow, the job and {@code GITHUB_ENV} set, not the machine's. */
    private final Map<String, String> envContext = new LinkedHashMap<>();

    private final List<StepRun> steps = new ArrayList<>();
    private final StringBuilder summary = new StringBuilder();
    private final List<Path> artifacts = new ArrayList<>();
    private final List<String> checkouts = new ArrayList<>();
    private final Map<String, Path> uploaded = new LinkedHashMap<>();
    private final Map<String, String> context = new LinkedHashMap<>();
    private final Map<String, Path> downloadable = new LinkedHashMap<>();
    private boolean failed;

    /** What one step did: its outcome ({@code success}, {@code failure}, {@code skipped}) and output. */
    record StepRun(String name, String outcome, String stdout, String stderr) {}

    /**
     * What the job did.
     *
     * @param summary the job summary: every step's {@code GITHUB_STEP_SUMMARY}, in order
     * @param artifacts the paths {@code upload-artifact} would upload
     * @param checkouts each checkout, as {@code repository@ref}, {@code self} for the workspace's own
     * @param named the uploaded artifacts by name (an unnamed one is {@code artifact})
     */
    record JobRun(
            List<StepRun> steps,
            String summary,
            List<Path> artifacts,
            List<String> checkouts,
            Map<String, Path> named) {
        boolean succeeded() {
            return steps.stream().noneMatch(step -> step.outcome().equals("failure"));
        }

        StepRun step(String name) {
            return steps.stream()
                    .filter(step -> name.equals(step.name()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no step named " + name + " in " + steps));
        }
    }

    /**
     * @param workspace the submission, as the first checkout leaves it; its folder name is the
     *     repository's name, as on GitHub
     * @param scratch an empty folder for the runner's own files
     */
    SimulatedRunner(Path workspace, Path scratch) {
        this.workspace = workspace;
        this.runnerTemp = scratch.resolve("runner-temp");
        this.files = scratch.resolve("runner-files");
        try {
            Files.createDirectories(runnerTemp);
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String inherited : List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")) {
            String value = System.getenv(inherited);
            if (value != null) {
                environment.put(inherited, value);
            }
        }
        environment.put("CI", "true");
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("GITHUB_WORKSPACE", workspace.toString());
        environment.put("GITHUB_REPOSITORY", "class/" + workspace.getFileName());
        environment.put("GITHUB_REF", "refs/heads/main");
        environment.put("GITHUB_EVENT_NAME", "push");
        environment.put("RUNNER_OS", "Linux");
        environment.put("RUNNER_TEMP", runnerTemp.toString());
    }

    JobRun run(Workflow workflow, String job) {
        envContext.putAll(workflow.env());
        envContext.putAll(workflow.jobEnv(job));
        environment.putAll(envContext);
        int index = 0;
        for (Workflow.Step step : workflow.steps(job)) {
            index++;
            String name = step.name() != null ? step.name() : step.uses() != null ? step.uses() : "step " + index;
            if (!shouldRun(step.condition())) {
                steps.add(new StepRun(name, "skipped", "", ""));
                continue;
            }
            StepRun run = step.uses() != null ? simulate(name, step) : script(name, step, index);
            failed |= run.outcome().equals("failure");
            steps.add(run);
        }
        return new JobRun(
                List.copyOf(steps),
                summary.toString(),
                List.copyOf(artifacts),
                List.copyOf(checkouts),
                Map.copyOf(uploaded));
    }

    /** Values for {@code matrix.*}, {@code inputs.*} and {@code secrets.*} expressions, e.g. {@code matrix.shard}. */
    SimulatedRunner with(String expression, String value) {
        context.put(expression, value);
        return this;
    }

    /** An artifact an earlier job uploaded, for {@code download-artifact}. */
    SimulatedRunner withArtifact(String name, Path folder) {
        downloadable.put(name, folder);
        return this;
    }

    private boolean shouldRun(String condition) {
        String bare = condition == null
                ? "success()"
                : condition.replaceAll("^\\$\\{\\{\\s*|\\s*}}$", "").strip();
        return switch (bare) {
            case "success()" -> !failed;
            case "failure()" -> failed;
            case "always()", "!cancelled()" -> true;
            default -> throw new UnsupportedOperationException("the simulated runner cannot evaluate if: " + condition);
        };
    }

    private StepRun simulate(String name, Workflow.Step step) {
        String action = step.uses().replaceFirst("@.*$", "");
        Map<String, String> with = step.with();
        switch (action) {
            case "actions/checkout" -> {
                if (with.get("repository") == null) {
                    if (with.get("path") != null) {
                        throw new UnsupportedOperationException("a checkout of the submission into a sub-folder");
                    }
                    checkouts.add("self");
                } else {
                    String path = expand(with.get("path"));
                    if (path == null || Path.of(path).isAbsolute() || path.contains("..")) {
                        throw new AssertionError(
                                "the grader's checkout needs a path inside the workspace, not " + path);
                    }
                    checkouts.add(expand(with.get("repository")) + "@" + expand(with.get("ref")));
                    GraderCheckout.into(workspace.resolve(path));
                }
            }
            case "actions/setup-java" -> {
                String javaHome = System.getProperty("java.home");
                environment.put("JAVA_HOME", javaHome);
                environment.put("PATH", javaHome + "/bin:" + environment.getOrDefault("PATH", ""));
            }
            case "actions/upload-artifact" -> {
                Path path = workspace.resolve(expand(with.get("path")));
                artifacts.add(path);
                uploaded.put(with.get("name") == null ? "artifact" : expand(with.get("name")), path);
            }
            case "actions/download-artifact" ->
                download(expand(with.get("pattern")), workspace.resolve(expand(with.get("path"))));
            default -> throw new UnsupportedOperationException("the simulated runner does not know " + step.uses());
        }
        return new StepRun(name, "success", "", "");
    }

    private void download(String pattern, Path into) {
        if (pattern == null) {
            throw new UnsupportedOperationException("a download-artifact without a pattern");
        }
        java.nio.file.PathMatcher matcher =
                java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        try {
            Files.createDirectories(into);
            for (Map.Entry<String, Path> artifact : downloadable.entrySet()) {
                if (matcher.matches(Path.of(artifact.getKey())) && Files.isDirectory(artifact.getValue())) {
                    copyTree(artifact.getValue(), into.resolve(artifact.getKey()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private StepRun script(String name, Workflow.Step step, int index) {
        if (EXPRESSION.matcher(step.run()).find()) {
            throw new AssertionError(
                    "step '" + name + "' has an expression in its script: pass it through env instead");
        }
        List<String> shell = switch (step.shell() == null ? "" : step.shell()) {
            case "" -> List.of("bash", "-e");
            case "bash" -> List.of("bash", "--noprofile", "--norc", "-eo", "pipefail");
            default ->
                throw new UnsupportedOperationException("the simulated runner runs bash only, not " + step.shell());
        };
        try {
            Path script = runnerTemp.resolve("step-" + index + ".sh");
            Files.writeString(script, step.run(), StandardCharsets.UTF_8);
            Map<String, Path> commandFiles = new LinkedHashMap<>();
            for (String file : List.of("GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH")) {
                Path path = files.resolve(file.toLowerCase(java.util.Locale.ROOT) + "-" + index);
                Files.createFile(path);
                commandFiles.put(file, path);
            }
            List<String> command = new ArrayList<>(shell);
            command.add(script.toString());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(
                            step.workingDirectory() == null
                                    ? workspace.toFile()
                                    : workspace.resolve(step.workingDirectory()).toFile())
                    .redirectOutput(files.resolve("stdout-" + index).toFile())
                    .redirectError(files.resolve("stderr-" + index).toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            for (Map.Entry<String, String> entry : step.env().entrySet()) {
                builder.environment().put(entry.getKey(), expand(entry.getValue()));
            }
            commandFiles.forEach((key, path) -> builder.environment().put(key, path.toString()));
            Process process = builder.start();
            boolean ended = process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String stdout = Files.readString(files.resolve("stdout-" + index), StandardCharsets.UTF_8);
            String stderr = Files.readString(files.resolve("stderr-" + index), StandardCharsets.UTF_8)
                    + (ended ? "" : "\n(the simulated runner stopped the step after " + STEP_TIMEOUT + ")");
            summary.append(Files.readString(commandFiles.get("GITHUB_STEP_SUMMARY"), StandardCharsets.UTF_8));
            readEnvironmentFile(Files.readString(commandFiles.get("GITHUB_ENV"), StandardCharsets.UTF_8));
            for (String line : Files.readAllLines(commandFiles.get("GITHUB_PATH"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    environment.put("PATH", line.strip() + ":" + environment.getOrDefault("PATH", ""));
                }
            }
            return new StepRun(name, ended && process.exitValue() == 0 ? "success" : "failure", stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running step " + name, e);
        }
    }

    /** {@code NAME=value} lines and {@code NAME<<DELIMITER} blocks, as GitHub reads them. */
    private void readEnvironmentFile(String content) {
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int heredoc = line.indexOf("<<");
            int equals = line.indexOf('=');
            if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
                String delimiter = line.substring(heredoc + 2);
                List<String> value = new ArrayList<>();
                while (++i < lines.size() && !lines.get(i).equals(delimiter)) {
                    value.add(lines.get(i));
                }
                setEnv(line.substring(0, heredoc), String.join("\n", value));
            } else if (equals > 0) {
                setEnv(line.substring(0, equals), line.substring(equals + 1));
            }
        }
    }

    private void setEnv(String name, String value) {
        environment.put(name, value);
        envContext.put(name, value);
    }

    /** The few expressions a {@code uses:} step's inputs may hold here. */
    private String expand(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String expression = matcher.group(1);
            String value;
            if (expression.startsWith("env.")) {
                value = envContext.get(expression.substring("env.".length()));
                if (value == null) {
                    throw new AssertionError("the workflow uses " + expression + ", which it never sets");
                }
            } else if (expression.equals("runner.temp")) {
                value = runnerTemp.toString();
            } else if (expression.equals("github.workspace")) {
                value = workspace.toString();
            } else if (expression.startsWith("matrix.") || expression.startsWith("inputs.")) {
                value = context.get(expression);
                if (value == null) {
                    throw new AssertionError("the test gave the runner no value for " + expression);
                }
            } else if (expression.startsWith("secrets.")) {
                value = context.getOrDefault(expression, "");
            } else {
                throw new UnsupportedOperationException(
                        "the simulated runner cannot evaluate ${{ " + expression + " }}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
