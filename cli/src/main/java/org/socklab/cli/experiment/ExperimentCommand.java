package org.socklab.cli.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Language;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socklab experiment http [DIR]}: the course's experiment as a command. It starts the
 * submission's server (the bundled reference without DIR) the way grading does, sends it 1, 2, 5
 * and 10 simultaneous clients, each a closed loop of 100 requests, and prints the table of the
 * notes; it writes the figures as CSV and the plot as SVG and PNG. With {@code --compare}, the
 * sequential baseline ({@link org.socklab.grader.experiment.StallBlocksEveryoneServer}) is measured
 * too, and a paragraph reads the result.
 *
 * <p>Every request is held {@code --hold} milliseconds on the server's side before it arrives (see
 * {@code org.socklab.grader.experiment.HeldListener}): what a sequential server pays one request
 * after another and a threaded one pays side by side. Load goes to 127.0.0.1 only, bounded in
 * requests and, per case, in time.
 *
 * <p>Exit status: 0 when the experiment ran (a case that ran out of time says so in the table), 1
 * when it could not (no such folder, does not compile, the server does not start), 2 for a bad
 * command line. Not thread-safe: one instance runs one command.
 */
@Command(
        name = "experiment",
        description = "Measures a server under 1, 2, 5 and 10 simultaneous clients, as in the course's notes: "
                + "a table, and the plot as PNG and SVG, and the figures as CSV.")
public final class ExperimentCommand implements Callable<Integer> {
    /** The environment: where the reference solutions are ({@value SubmissionClasses#REFERENCE_VARIABLE}). */
    private final Map<String, String> environment;

    public ExperimentCommand() {
        this(System.getenv());
    }

    public ExperimentCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXERCISE", description = "the exercise: http")
    private String exercise;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "DIR",
            description = "the submission (a copy of the template); default: the bundled reference solution")
    private Path folder;

    @Option(names = "--compare", description = "measure the sequential baseline too, side by side")
    private boolean compare;

    @Option(
            names = "--clients",
            split = ",",
            paramLabel = "N,...",
            description = "the numbers of simultaneous clients (default: 1,2,5,10)")
    private List<Integer> clients = new ArrayList<>(Settings.DEFAULT_CLIENTS);

    @Option(names = "--requests", paramLabel = "N", description = "requests per client in each case (default: 100)")
    private int requests = 100;

    @Option(
            names = "--hold",
            paramLabel = "MS",
            description = "milliseconds each request is held before it reaches the server (default: 5; 0 for none)")
    private long holdMillis = 5;

    @Option(names = "--case-timeout", paramLabel = "SECONDS", description = "the time bound of each case (default: 60)")
    private long caseSeconds = 60;

    @Option(
            names = "--out",
            paramLabel = "DIR2",
            description = "where the files go (default: DIR/target/socklab/experiment)")
    private Path out;

    @Option(names = "--lang", paramLabel = "en|pt", description = "the language of the output")
    private String lang;

    /**
     * Runs the command alone with these arguments, printing to {@code out} and {@code err}, as
     * {@code socklab experiment} does (bad arguments get one line and status {@value #USAGE}): for
     * the project's tests, which live beside it.
     */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine line = new CommandLine(new ExperimentCommand());
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((exception, arguments) -> {
            exception
                    .getCommandLine()
                    .getErr()
                    .println("socklab: " + exception.getMessage() + "; see socklab experiment --help");
            return USAGE;
        });
        int status = line.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    @Override
    public Integer call() {
        Language language = lang == null ? Language.fromEnvironment() : Language.of(Locale.forLanguageTag(lang));
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            return experiment(language, stdout);
        } catch (ExperimentFailure e) {
            stderr.println("socklab: " + e.reason().render(language));
            return e.isUsage() ? USAGE : FAILED;
        } catch (GradedFailure e) {
            stderr.println("socklab: "
                    + Messages.of(
                                    "error.serverFailed",
                                    e.observation()
                                            .render(language)
                                            .lines()
                                            .findFirst()
                                            .orElse(""))
                            .render(language));
            return FAILED;
        } finally {
            stdout.flush();
            stderr.flush();
        }
    }

    private int experiment(Language language, PrintWriter stdout) {
        Exercise measured = Exercise.byKey(exercise)
                .filter(key -> key == Exercise.HTTP)
                .orElseThrow(
                        () -> ExperimentFailure.usage(Messages.of("error.exercise", exercise, Exercise.HTTP.key())));
        if (lang != null && !List.of("en", "pt", "pt-BR").contains(lang)) {
            throw ExperimentFailure.usage(Messages.of("error.lang", lang));
        }
        Settings settings = new Settings(
                        clients, requests, Duration.ofMillis(holdMillis), Duration.ofSeconds(caseSeconds), compare)
                .checked();
        Path sources = folder == null
                ? null
                : SubmissionClasses.sources(folder.toAbsolutePath().normalize());
        String name = folder == null
                ? "reference"
                : folder.toAbsolutePath().normalize().getFileName().toString();
        Path target = out != null
                ? out
                : (folder == null ? Path.of("target") : folder.resolve("target")).resolve("socklab/experiment");
        boolean png = PngCanvas.fontsWork();
        say(
                stdout,
                language,
                Messages.of(
                        "run.start",
                        measured.key(),
                        name,
                        settings.requests(),
                        settings.hold().toMillis(),
                        settings.clients().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                        settings.caseBound().toSeconds()));
        if (!png) {
            say(stdout, language, Messages.of("run.noFonts"));
        }
        Path work = scratch();
        List<CaseResult> results;
        try {
            Path classes = SubmissionClasses.compile(
                    sources != null
                            ? sources
                            : SubmissionClasses.reference(measured, work.resolve("reference"), environment),
                    work.resolve("classes"));
            results = new Experiment(measured, settings)
                    .run(
                            classes,
                            work,
                            logs(target),
                            result -> say(
                                    stdout,
                                    language,
                                    Messages.of(
                                            "run.case",
                                            Messages.serverName(result.server(), name)
                                                    .render(language),
                                            result.clients(),
                                            result.completed(),
                                            result.planned(),
                                            result.elapsed().toMillis() / 1000.0)));
        } finally {
            deleteQuietly(work);
        }
        stdout.println();
        stdout.print(ResultTable.render(results, name, language));
        List<Feedback> reading = Reading.of(results, name);
        if (!reading.isEmpty()) {
            stdout.println();
            stdout.println(
                    reading.stream().map(sentence -> sentence.render(language)).collect(Collectors.joining(" ")));
        }
        List<String> written = Outputs.write(results, name, language, target, png);
        stdout.println();
        say(
                stdout,
                language,
                Messages.of(
                        "run.written",
                        String.join(", ", written),
                        target.toAbsolutePath().normalize().toString()));
        return OK;
    }

    private static Path logs(Path target) {
        try {
            return Files.createDirectories(target);
        } catch (IOException e) {
            throw new ExperimentFailure(Messages.of("error.cannotWrite", target.toString(), e.getMessage()));
        }
    }

    private static void say(PrintWriter out, Language language, Feedback message) {
        out.println(message.render(language));
        out.flush();
    }

    private static Path scratch() {
        try {
            return Files.createTempDirectory("socklab-experiment-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it eventually
        }
    }
}
