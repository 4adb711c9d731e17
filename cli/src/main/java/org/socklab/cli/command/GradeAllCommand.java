package org.socklab.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.cli.checkout.Template;
import org.socklab.cli.grading.GradeAll;
import org.socklab.cli.grading.SandboxMode;
import org.socklab.cli.progress.SubmissionProgress;
import org.socklab.cli.report.Console;
import org.socklab.cli.report.Gradebook;
import org.socklab.cli.report.ReportTexts;
import org.socklab.cli.report.GradebookFile;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;
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

    @Option(names = "--sandbox", paramLabel = "auto|required|none", converter = Converters.SandboxConverter.class,
            description = "run student code in the OS sandbox (bubblewrap): where available (auto, the default),"
                    + " or refuse to grade without it (required), or never (none)")
    private SandboxMode sandbox = SandboxMode.AUTO;

    private final Terminal terminal;

    public GradeAllCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("no such folder: " + parent);
        }
        OutputPaths.requireWritableFile(csv, "the gradebook");
        SubmissionProgress progress = new SubmissionProgress(submissionCount());
        Containment containment = sandbox.containment(terminal.environment()
                .getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        Language lang = language != null ? language : Language.fromEnvironment();
        Set<Exercise> graded = exercises != null ? EnumSet.copyOf(exercises) : Template.gradedExercises();
        GradebookFile gradebook = new GradebookFile(csv, graded);
        terminal.out().println(containment.describe(lang));
        GradeAll gradeAll = new GradeAll(graded, lang, jobs != null ? jobs : GradeAll.defaultJobs(),
                timeout != null ? Duration.ofSeconds(timeout) : GradeAll.DEFAULT_TIMEOUT, containment);
        List<Gradebook.Row> rows = gradeAll.grade(parent, row -> {
            gradebook.add(row);
            synchronized (terminal) {
                terminal.out().println(Console.sanitized(row.student() + ": " + row.total() + "/" + row.max()
                        + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")")) + "   [" + progress.next() + "]");
            }
        });
        terminal.out().println(ReportTexts.text(lang, "console.gradebook", Integer.toString(rows.size()), csv.toString()));
        return 0;
    }

    /** How many submissions there are, for the progress: the folders under PARENT that grade-all grades. */
    private int submissionCount() {
        try (Stream<Path> children = Files.list(parent)) {
            return (int) children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            throw new CliFailure("cannot read " + parent + ": " + e.getMessage());
        }
    }
}
