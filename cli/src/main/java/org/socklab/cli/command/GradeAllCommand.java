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
import org.socklab.cli.report.GradebookFile;
import org.socklab.cli.report.ReportTexts;
import org.socklab.cli.roster.Deadline;
import org.socklab.cli.roster.LatePolicy;
import org.socklab.cli.shard.Shard;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socklab grade-all PARENT --csv FILE}: grades every submission folder under PARENT into a
 * gradebook CSV, one line of progress per submission.
 *
 * <p>{@code socklab grade-all --roster FILE --deadline WHEN --out DIR}: fetches each student's
 * repository of the roster (or of one {@code --shard K/N} of it) at the deadline and grades it into
 * a class folder ({@link GradeRoster}).
 *
 * <p>Not thread-safe: one instance runs once.
 */
@Command(
        name = "grade-all",
        description = {
            "Grades every submission folder under PARENT into a gradebook CSV;",
            "or, with --roster, each student's repository at the deadline into a class folder (gradebook.csv, class.html)."
        })
public final class GradeAllCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PARENT", arity = "0..1", description = "the folder that holds one folder per submission")
    private Path parent;

    @Option(names = "--csv", paramLabel = "FILE", description = "the gradebook to write")
    private Path csv;

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description =
                    "the class: a CSV of student,repository (a git URL of any protocol git supports, or a folder)")
    private Path roster;

    @Option(
            names = "--deadline",
            paramLabel = "WHEN",
            converter = RosterConverters.DeadlineConverter.class,
            description = "with --roster: the last commit at or before it is graded, e.g. 2026-12-10T23:59-03:00")
    private Deadline deadline;

    @Option(
            names = "--late",
            paramLabel = "record|grade",
            converter = RosterConverters.LateConverter.class,
            description = "with --roster: later commits are only recorded (default), or the last commit is graded")
    private LatePolicy late;

    @Option(
            names = "--shard",
            paramLabel = "K/N",
            converter = RosterConverters.ShardConverter.class,
            description = "with --roster: grade only the K-th of N parts of the roster")
    private Shard shard;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "with --roster: the class folder to write (gradebook.csv, class.html, reports/)")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            converter = Converters.PositiveConverter.class,
            description =
                    "submissions graded at once (default: the number of processors), each several exercises at a time;"
                            + " one more is compiled ahead")
    private Integer jobs;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            converter = Converters.PositiveConverter.class,
            description = "the most one submission may take (default: 600)")
    private Integer timeout;

    @Option(
            names = "--lang",
            paramLabel = "en|pt",
            converter = Converters.LanguageConverter.class,
            description = "the language of the feedback (default: the system's)")
    private Language language;

    @Option(
            names = "--exercises",
            paramLabel = "KEY",
            split = ",",
            converter = Converters.ExerciseConverter.class,
            description = "grade only these exercises")
    private List<Exercise> exercises;

    @Option(
            names = "--sandbox",
            paramLabel = "auto|required|none",
            converter = Converters.SandboxConverter.class,
            description = "run student code in the OS sandbox (bubblewrap): where available (auto, the default),"
                    + " or refuse to grade without it (required), or never (none)")
    private SandboxMode sandbox = SandboxMode.AUTO;

    private final Terminal terminal;

    public GradeAllCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Set<Exercise> graded = exercises != null ? EnumSet.copyOf(exercises) : Template.gradedExercises();
        Language chosen = language != null ? language : Language.fromEnvironment();
        int parallel = jobs != null ? jobs : GradeAll.defaultJobs();
        Duration bound = timeout != null ? Duration.ofSeconds(timeout) : GradeAll.DEFAULT_TIMEOUT;
        if (roster != null) {
            if (parent != null || csv != null) {
                throw new ParameterException(
                        spec.commandLine(), "--roster writes into --out DIR: it takes no PARENT and no --csv");
            }
            if (deadline == null || out == null) {
                throw new ParameterException(spec.commandLine(), "--roster needs --deadline WHEN and --out DIR");
            }
            Containment containment = containment();
            terminal.out().println(containment.line().render(chosen));
            return GradeRoster.run(
                    terminal,
                    roster,
                    deadline,
                    out,
                    late != null ? late : LatePolicy.RECORD,
                    shard != null ? shard : Shard.WHOLE,
                    graded,
                    chosen,
                    parallel,
                    bound,
                    containment);
        }
        if (parent == null || csv == null) {
            throw new ParameterException(spec.commandLine(), "grade-all needs PARENT and --csv FILE (or --roster)");
        }
        if (deadline != null || late != null || shard != null || out != null) {
            throw new ParameterException(spec.commandLine(), "--deadline, --late, --shard and --out go with --roster");
        }
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("no such folder: " + parent);
        }
        OutputPaths.requireWritableFile(csv, "the gradebook");
        SubmissionProgress progress = new SubmissionProgress(submissionCount());
        Containment containment = containment();
        GradebookFile gradebook = new GradebookFile(csv, graded);
        terminal.out().println(containment.line().render(chosen));
        GradeAll gradeAll = new GradeAll(graded, chosen, parallel, bound, containment);
        List<Gradebook.Row> rows = gradeAll.grade(parent, row -> {
            gradebook.add(row);
            synchronized (terminal) {
                terminal.out()
                        .println(Console.sanitized(row.student() + ": " + row.total() + "/" + row.max()
                                        + (row.reason().isEmpty() ? "" : " (" + row.reason() + ")"))
                                + "   [" + progress.next() + "]");
            }
        });
        terminal.out()
                .println(ReportTexts.text(chosen, "console.gradebook", Integer.toString(rows.size()), csv.toString()));
        return 0;
    }

    /** How student code is contained, as --sandbox asks (required without a sandbox: one line, at once). */
    private Containment containment() {
        return sandbox.containment(
                terminal.environment().getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
    }

    /** How many submissions there are, for the progress: the folders under PARENT that grade-all grades. */
    private int submissionCount() {
        try (Stream<Path> children = Files.list(parent)) {
            return (int) children.filter(Files::isDirectory)
                    .filter(child -> !child.getFileName().toString().startsWith("."))
                    .count();
        } catch (IOException e) {
            throw new CliFailure("cannot read " + parent + ": " + e.getMessage());
        }
    }
}
