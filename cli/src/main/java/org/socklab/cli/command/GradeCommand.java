package org.socklab.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
import org.socklab.cli.checkout.Template;
import org.socklab.cli.grading.GradeResult;
import org.socklab.cli.grading.Grader;
import org.socklab.cli.grading.SandboxMode;
import org.socklab.cli.grading.Submission;
import org.socklab.cli.progress.ExerciseProgress;
import org.socklab.cli.progress.ProgressLine;
import org.socklab.cli.report.Console;
import org.socklab.cli.report.ReportFolder;
import org.socklab.cli.report.ReportTexts;
import org.socklab.cli.report.Reports;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;
import org.socklab.grader.score.ScoreTable;
import org.socklab.grader.score.TestSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socklab grade [DIR]}: grades one submission, prints its table and writes its reports.
 * Exit status 0 when grading completed, whatever the score; 1 when the submission does not
 * compile. Not thread-safe: one instance runs once.
 */
@Command(
        name = "grade",
        description = "Grades the submission in DIR (default: the bundled reference solutions)."
                + " Reports go to DIR/target/socklab (or --out). Every exercise is graded, unless --exercises says otherwise:"
                + " nothing in the submission changes what is graded.")
public final class GradeCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "DIR", description = "the submission (a copy of the template)")
    private Path folder;

    @Option(names = "--out", paramLabel = "DIR2", description = "where the reports go")
    private Path out;

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

    @Option(
            names = "--jobs",
            paramLabel = "N",
            converter = Converters.PositiveConverter.class,
            description = "exercises graded at once (default: one per two processors, at least 2)")
    private Integer jobs;

    /** The environment variable that names the reference solutions' folder (set by the launcher). */
    public static final String REFERENCE_VARIABLE = "SOCKLAB_REFERENCE";

    private final Terminal terminal;

    public GradeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Language lang = language != null ? language : Language.fromEnvironment();
        Containment containment = sandbox.containment(
                terminal.environment().getOrDefault("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")));
        Submission submission;
        Path reportDir;
        if (folder == null) {
            submission = reference();
            Path wanted = out != null ? out : Path.of("target", "socklab");
            OutputPaths.requireWritableFolder(wanted, "the reports");
            reportDir = ReportFolder.given(wanted);
        } else {
            submission = Submission.in(folder);
            if (out != null) {
                OutputPaths.requireWritableFolder(out, "the reports");
            }
            reportDir = out != null ? ReportFolder.given(out) : ReportFolder.freshIn(submission.folder());
        }
        Set<Exercise> graded = exercises != null ? EnumSet.copyOf(exercises) : Template.gradedExercises();
        GradeResult result = Grader.grade(
                submission,
                graded,
                TestSelection.VISIBLE,
                reportDir,
                containment,
                jobs != null ? jobs : Grader.defaultParallel(),
                new ExerciseProgress(ProgressLine.of(terminal.err(), terminal.environment()), graded.size()));
        Reports.write(result, lang, reportDir);
        Console console =
                new Console(terminal.out(), "true".equals(terminal.environment().get("GITHUB_ACTIONS")));
        console.untrusted(ScoreTable.render(result.report(), lang).stripTrailing());
        console.trusted(containment.line().render(lang));
        result.notices(lang).forEach(console::untrusted);
        console.trusted(ReportTexts.text(
                lang,
                "console.written",
                reportDir.toAbsolutePath().normalize().toString(),
                String.format(lang.locale(), "%.1f", result.elapsed().toMillis() / 1000.0)));
        console.points(result.report().total(), result.report().max(), lang);
        appendStepSummary(reportDir);
        if (!result.compiled()) {
            terminal.err().println(result.compileErrors());
            terminal.err().println(ReportTexts.text(lang, "console.notCompiled", submission.name()));
            return 1;
        }
        return 0;
    }

    /**
     * The reference solutions, for a teacher's {@code ./socklab grade} with no folder: they live in
     * the socklab repository ({@code fixtures/reference}), which the launcher names in
     * {@value #REFERENCE_VARIABLE}; they are never bundled in the jar that students download.
     */
    private Submission reference() {
        String reference = terminal.environment().get(REFERENCE_VARIABLE);
        if (reference == null || reference.isBlank()) {
            throw new CliFailure("give the folder to grade (the reference solutions are not bundled in this jar:"
                    + " ./socklab grade, from the socklab repository, grades them)");
        }
        return new Submission(Submission.in(Path.of(reference)).folder(), "reference");
    }

    private void appendStepSummary(Path reportDir) {
        String summary = terminal.environment().get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        try {
            Files.writeString(
                    Path.of(summary),
                    Files.readString(reportDir.resolve(Reports.SUMMARY)),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            terminal.err().println("socklab: cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage());
        }
    }
}
