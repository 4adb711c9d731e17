package org.socklab.workflows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A GitHub Actions workflow file, read as plain YAML: just what the tests look at (the env, and a
 * job's steps). The linters judge the file as a whole; this only lets the tests follow the steps.
 *
 * <p>Immutable.
 *
 * @param file where it was read from
 * @param env the workflow-level {@code env}
 * @param jobs every job's YAML, by id
 */
record Workflow(Path file, Map<String, String> env, Map<String, Map<String, Object>> jobs) {
    static final Path REPOSITORY = Path.of(System.getProperty("socklab.repository", ".."))
            .toAbsolutePath()
            .normalize();
    /** The teacher's class grading, as {@code socklab classroom-workflow} writes it. */
    static final Path CLASSROOM = REPOSITORY.resolve(".github/classroom/socklab-class.yml");
    /** The project's own CI. */
    static final Path CI = REPOSITORY.resolve(".github/workflows/ci.yml");

    /** One step of a job, with what the simulated runner needs. */
    record Step(
            String name,
            String uses,
            Map<String, String> with,
            String run,
            Map<String, String> env,
            String condition,
            String workingDirectory,
            String shell) {}

    static Workflow load(Path file) {
        Map<String, Object> root;
        try {
            // SafeConstructor: plain maps, lists and scalars, nothing else.
            root = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        map(root.get("jobs")).forEach((id, job) -> jobs.put(id, map(job)));
        return new Workflow(file, strings(root.get("env")), jobs);
    }

    List<Step> steps(String job) {
        Map<String, Object> yaml = jobs.get(job);
        if (yaml == null) {
            throw new IllegalArgumentException(file + " has no job " + job);
        }
        List<Step> steps = new ArrayList<>();
        for (Object item : (List<?>) yaml.getOrDefault("steps", List.of())) {
            Map<String, Object> step = map(item);
            steps.add(new Step(
                    string(step.get("name")),
                    string(step.get("uses")),
                    strings(step.get("with")),
                    string(step.get("run")),
                    strings(step.get("env")),
                    string(step.get("if")),
                    string(step.get("working-directory")),
                    string(step.get("shell"))));
        }
        return steps;
    }

    Map<String, String> jobEnv(String job) {
        return strings(jobs.get(job).get("env"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        if (yaml == null) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((Map<Object, Object>) yaml).forEach((key, value) -> map.put(String.valueOf(key), value));
        return map;
    }

    private static Map<String, String> strings(Object yaml) {
        Map<String, String> strings = new LinkedHashMap<>();
        map(yaml).forEach((key, value) -> strings.put(key, string(value)));
        return strings;
    }

    private static String string(Object scalar) {
        return scalar == null ? null : String.valueOf(scalar);
    }
}
