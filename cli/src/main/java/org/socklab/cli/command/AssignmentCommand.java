package org.socklab.cli.command;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
import org.socklab.cli.checkout.Assignment;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socklab assignment DIR --exercises KEY,...}: writes an assignment repository that a
 * teacher pushes as a GitHub template repository as it is (see {@link Assignment}). Not
 * thread-safe: one instance runs once.
 */
@Command(
        name = "assignment",
        description = "Writes into DIR an assignment repository of the exercises given, ready to"
                + " push as a GitHub template repository: stubs, tests, the grader in lib/, and a workflow that grades"
                + " those exercises on every push.")
public final class AssignmentCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "a new or empty folder")
    private Path folder;

    @Option(
            names = "--exercises",
            required = true,
            paramLabel = "KEY",
            split = ",",
            converter = Converters.ExerciseConverter.class,
            description = "the exercises of the assignment")
    private List<Exercise> exercises;

    @Option(
            names = "--lang",
            paramLabel = "en|pt",
            converter = Converters.LanguageConverter.class,
            description = "the language of the workflow's feedback (default: en)")
    private Language language;

    @Option(
            names = "--jar",
            paramLabel = "FILE",
            description = "the socklab jar the assignment ships and grades with (default: this one)")
    private Path jar;

    private final Terminal terminal;

    public AssignmentCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        byte[] command = commandJar();
        EnumSet<Exercise> chosen = EnumSet.copyOf(exercises);
        List<String> files = Assignment.write(folder, chosen, language != null ? language : Language.ENGLISH, command);
        int max = chosen.stream().mapToInt(Exercise::maxPoints).sum();
        terminal.out()
                .println("Wrote the assignment "
                        + String.join(", ", chosen.stream().map(Exercise::key).toList()) + " (" + max + " points, "
                        + files.size() + " files) into "
                        + folder.toAbsolutePath().normalize() + ".");
        terminal.out()
                .println("Next: cd " + folder + " && git init -q && git add . && git commit -qm assignment,"
                        + " push it, and mark the repository as a template.");
        return 0;
    }

    private byte[] commandJar() {
        Path source = jar != null ? jar : runningJar();
        if (!Files.isRegularFile(source)) {
            throw new CliFailure("no such jar: " + source);
        }
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + source + ": " + e.getMessage());
        }
    }

    private static Path runningJar() {
        try {
            Path source = Path.of(AssignmentCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(source)) {
                return source;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // said below
        }
        throw new CliFailure("this socklab does not run from a jar: give the jar to ship with --jar FILE");
    }
}
