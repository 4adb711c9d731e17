package org.socklab.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
import org.socklab.cli.checkout.Template;
import org.socklab.cli.grading.GradeAll;
import org.socklab.cli.report.Console;
import org.socklab.cli.report.Gradebook;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socklab grade-all PARENT --csv FILE}: grades every submission folder under PARENT into a
 * gradebook CSV, one line of progress per submission. Not thread-safe: one instance runs once.
 */
@Command(name = "grade-all", description = "Grades every submission folder under PARENT into a gradebook CSV.")
public final class GradeAllCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PARENT", description = "the folder that holds one folder per submission")
    private Path parent;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "the gradebook to write")
    private Path csv;

    @Option(names = "--jobs", paramLabel = "N", converter = Converters.PositiveConverter.class,
            description = "submissions graded at once (default: the number of processors)")
    private Integer jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = Converters.PositiveConverter.class,
            description = "the most one submission may take (default: 600)")
    private Integer timeout;

    @Option(names = "--lang", paramLabel = "en|pt", converter = Converters.LanguageConverter.class,
            description = "the language of the feedback (default: the system's)")
    private Language language;

    @Option(names = "--exercises", paramLabel = "KEY", split = ",",
            converter = Converters.ExerciseConverter.class, description = "grade only these exercises")
    private List<Exercise> exercises;

    private final Terminal terminal;

    public GradeAllCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("no such folder: " + parent);
        }
        GradeAll gradeAll = new GradeAll(exercises != null ? EnumSet.copyOf(exercises) : Template.gradedExercises(),
                language != null ? language : Language.current(),
                jobs != null ? jobs : GradeAll.defaultJobs(),
                timeout != null ? Duration.ofSeconds(timeout) : GradeAll.DEFAULT_TIMEOUT);
        List<Gradebook.Row> rows = gradeAll.grade(parent, row -> terminal.out().println(Console.sanitized(
                row.student() + ": " + row.total() + "/" + row.max()
                        + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")"))));
        try {
            if (csv.toAbsolutePath().getParent() != null) {
                Files.createDirectories(csv.toAbsolutePath().getParent());
            }
            Files.writeString(csv, Gradebook.write(rows, gradeAll.exercises()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + csv + ": " + e.getMessage());
        }
        terminal.out().println("Gradebook of " + rows.size() + " submissions written to " + csv);
        return 0;
    }
}
