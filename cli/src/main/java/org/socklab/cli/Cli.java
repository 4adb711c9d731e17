package org.socklab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassReport;
import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Deadline;
import org.socklab.cli.roster.LatePolicy;
import org.socklab.cli.roster.RepositoryFetcher;
import org.socklab.cli.roster.Roster;
import org.socklab.cli.shard.Shard;
import org.socklab.cli.shard.ShardMerge;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.score.ScoreTable;

/**
 * The {@code socklab} command line.
 *
 * <pre>
 * socklab grade [DIR] [--out DIR2] [--lang en|pt] [--exercises KEY,...]
 * socklab grade-all PARENT --csv FILE [--jobs N] [--timeout SECONDS] [--lang en|pt] [--exercises KEY,...]
 * socklab grade-all --roster FILE --deadline ISO-8601 --out DIR [--late record|grade] [--shard K/N] [...]
 * socklab shard merge --roster FILE --shards N --out DIR SHARD_DIR...
 * socklab classroom-workflow DIR
 * socklab checkout KEY[@SITE] [DIR] [-y]
 * socklab site export DIR
 * socklab site list
 * </pre>
 *
 * Exit status: 0 when grading completed, whatever the score; 1 when it could not (no such folder,
 * not a template, does not compile), with one line saying why on standard error; 2 for a command
 * line it does not understand.
 *
 * <p>Not thread-safe: one instance runs one command.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            usage: socklab grade [DIR] [--out DIR2] [--lang en|pt] [--exercises KEY,...]
                     grades the submission in DIR (default: the bundled reference solutions);
                     reports go to DIR/target/socklab (or DIR2); a checkout of one exercise is
                     graded on that exercise alone, unless --exercises says otherwise
                   socklab grade-all PARENT --csv FILE [--jobs N] [--timeout SECONDS] [--lang en|pt]
                                   [--exercises KEY,...]
                     grades every submission folder under PARENT into a gradebook CSV
                   socklab grade-all --roster FILE --deadline 2026-12-10T23:59-03:00 --out DIR
                                   [--late record|grade] [--shard K/N] [--jobs N] [--timeout SECONDS] ...
                     fetches each student's repository (roster: student,repository) with git at the
                     last commit at or before the deadline, grades it with the hidden tests, and
                     writes DIR/gradebook.csv, DIR/class.html and DIR/reports/; --shard grades one
                     part of the roster
                   socklab shard merge --roster FILE --shards N --out DIR SHARD_DIR...
                     merges the folders of the shards into one gradebook and class report
                   socklab classroom-workflow DIR
                     writes the teacher's GitHub Actions workflow into DIR
                   socklab checkout KEY[@SITE] [DIR] [-y]
                     makes DIR (default: KEY) ready for mvn test, with the template of KEY
                     (an exercise, or all) from SITE; run again in DIR to update it: files you
                     changed are kept unless -y
                   socklab site export DIR
                     writes the bundled templates into DIR as a static site
                   socklab site list
                     lists the sites (the default first) from ~/.socklab/sites""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    static Cli standard() {
        return new Cli(new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8), System.getenv());
    }

    int run(String... args) {
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (arguments.command()) {
                case "grade" -> grade(arguments);
                case "grade-all" -> gradeAll(arguments);
                case "checkout" -> checkout(arguments);
                case "site" -> site(arguments);
                case "shard" -> shard(arguments);
                case "classroom-workflow" -> classroomWorkflow(arguments);
                case "help", "--help", "-h" -> {
                    out.println(USAGE_TEXT);
                    yield OK;
                }
                default -> throw new UsageError("unknown command: " + arguments.command());
            };
        } catch (UsageError e) {
            err.println("socklab: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (CliFailure | BadInput e) {
            err.println("socklab: " + e.getMessage());
            return FAILED;
        }
    }

    private int grade(Arguments arguments) {
        if (arguments.positional().size() > 1) {
            throw new UsageError("grade takes at most one folder");
        }
        Language language = arguments.language();
        Submission submission;
        Path reportDir;
        Path scratch = null;
        if (arguments.positional().isEmpty()) {
            try {
                scratch = Files.createTempDirectory("socklab-reference-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            submission = new Submission(Template.extractReference(scratch.resolve("reference")).folder(), "reference");
            reportDir = arguments.option("--out").map(Path::of).orElse(Path.of("target", "socklab"));
        } else {
            submission = Submission.in(Path.of(arguments.positional().get(0)));
            reportDir = arguments.option("--out").map(Path::of).orElse(submission.folder().resolve("target/socklab"));
        }
        Set<Exercise> exercises = exercisesToGrade(arguments, submission.folder());
        GradeResult result = Grader.grade(submission, exercises, language, reportDir);
        Reports.write(result, language, reportDir);
        Console console = new Console(out, "true".equals(environment.get("GITHUB_ACTIONS")));
        console.untrusted(ScoreTable.render(result.report(), language).stripTrailing());
        console.trusted("Reports written to " + reportDir.toAbsolutePath().normalize() + " in "
                + seconds(result.elapsed()));
        console.points(result.report().total(), result.report().max());
        appendStepSummary(reportDir);
        if (!result.compiled()) {
            err.println(result.compileErrors());
            err.println("socklab: " + submission.name() + " does not compile: every exercise scores 0");
            return FAILED;
        }
        return OK;
    }

    private int gradeAll(Arguments arguments) {
        if (arguments.option("--roster").isPresent()) {
            return gradeRoster(arguments);
        }
        if (arguments.positional().size() != 1) {
            throw new UsageError("grade-all takes one folder: the parent of the submissions");
        }
        Path csv = arguments.option("--csv").map(Path::of)
                .orElseThrow(() -> new UsageError("grade-all needs --csv FILE"));
        int jobs = arguments.option("--jobs").map(Cli::positive).orElse(GradeAll.defaultJobs());
        Duration timeout = arguments.option("--timeout").map(value -> Duration.ofSeconds(positive(value)))
                .orElse(GradeAll.DEFAULT_TIMEOUT);
        Path parent = Path.of(arguments.positional().get(0));
        if (!Files.isDirectory(parent)) {
            throw new CliFailure("no such folder: " + parent);
        }
        GradeAll gradeAll = new GradeAll(arguments.exercises(Template.gradedExercises()).orElse(Template.gradedExercises()),
                arguments.language(), jobs, timeout);
        List<Gradebook.Row> rows = gradeAll.grade(parent, row -> out.println(Console.sanitized(
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
        out.println("Gradebook of " + rows.size() + " submissions written to " + csv);
        return OK;
    }

    private int gradeRoster(Arguments arguments) {
        if (!arguments.positional().isEmpty() || arguments.option("--csv").isPresent()) {
            throw new UsageError("grade-all --roster writes into --out DIR: it takes no PARENT and no --csv");
        }
        Roster whole = Roster.read(Path.of(arguments.option("--roster").orElseThrow()));
        Deadline deadline = Deadline.parse(arguments.option("--deadline")
                .orElseThrow(() -> new UsageError("grade-all --roster needs --deadline, e.g. 2026-12-10T23:59-03:00")));
        Path into = arguments.option("--out").map(Path::of).orElseThrow(() -> new UsageError("grade-all --roster needs --out DIR"));
        LatePolicy late = arguments.option("--late").map(LatePolicy::parse).orElse(LatePolicy.RECORD);
        Shard shard = arguments.option("--shard").map(Shard::parse).orElse(Shard.WHOLE);
        int jobs = arguments.option("--jobs").map(Cli::positive).orElse(GradeAll.defaultJobs());
        Duration timeout = arguments.option("--timeout").map(value -> Duration.ofSeconds(positive(value)))
                .orElse(GradeAll.DEFAULT_TIMEOUT);
        GradeAll gradeAll = new GradeAll(arguments.exercises(Template.gradedExercises()).orElse(Template.gradedExercises()),
                arguments.language(), jobs, timeout);
        RepositoryFetcher fetcher = new RepositoryFetcher(timeout, deadline, late);
        String title = "socklab: class report, deadline " + deadline.text()
                + (shard.equals(Shard.WHOLE) ? "" : ", shard " + shard);
        ClassGradebook gradebook = new RosterGrading(gradeAll, fetcher).grade(shard.of(whole), into, title,
                line -> out.println(Console.sanitized(line)));
        out.println("Gradebook of " + gradebook.rows().size() + " students and class report written to " + into);
        appendToStepSummary(ClassReport.markdown(title, gradebook));
        return OK;
    }

    private int shard(Arguments arguments) {
        List<String> positional = arguments.positional();
        if (positional.isEmpty() || !positional.get(0).equals("merge")) {
            throw new UsageError("expected shard merge --roster FILE --shards N --out DIR SHARD_DIR...");
        }
        Roster roster = Roster.read(Path.of(arguments.option("--roster")
                .orElseThrow(() -> new UsageError("shard merge needs --roster FILE"))));
        int count = arguments.option("--shards").map(Cli::positive)
                .orElseThrow(() -> new UsageError("shard merge needs --shards N"));
        Path into = arguments.option("--out").map(Path::of).orElseThrow(() -> new UsageError("shard merge needs --out DIR"));
        List<Path> folders = positional.subList(1, positional.size()).stream().map(Path::of).toList();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CliFailure("no such folder: " + folder);
            }
        }
        String title = "socklab: class report" + arguments.option("--deadline").map(text -> ", deadline " + text).orElse("");
        ClassGradebook gradebook = ShardMerge.merge(roster, count, folders, into, title);
        out.println("Merged " + folders.size() + " shard folders into " + into + ": " + gradebook.rows().size() + " students");
        appendToStepSummary(ClassReport.markdown(title, gradebook));
        return OK;
    }

    private int classroomWorkflow(Arguments arguments) {
        if (arguments.positional().size() != 1) {
            throw new UsageError("classroom-workflow takes one folder");
        }
        Path file = ClassroomWorkflow.write(Path.of(arguments.positional().get(0)));
        out.println("Wrote " + file + ": add roster.csv next to it in the teacher's repository, set SOCKLAB_DEADLINE,"
                + " and give git read access to the students' repositories (see the file's comments)");
        return OK;
    }

    private void appendToStepSummary(String markdown) {
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(summary), markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("socklab: cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage());
        }
    }

    private int checkout(Arguments arguments) {
        List<String> positional = arguments.positional();
        if (positional.isEmpty() || positional.size() > 2) {
            throw new UsageError("checkout takes a key (an exercise, or all), then optionally a folder");
        }
        String spec = positional.get(0);
        int at = spec.indexOf('@');
        String key = at < 0 ? spec : spec.substring(0, at);
        if (key.isEmpty() || at == spec.length() - 1) {
            throw new UsageError("expected KEY or KEY@SITE, not " + spec);
        }
        Path folder = Path.of(positional.size() > 1 ? positional.get(1) : key);
        Sites sites = Sites.load(environment);
        Site site;
        if (at >= 0) {
            site = sites.named(spec.substring(at + 1));
        } else {
            site = CheckoutState.read(folder).filter(state -> state.key().equals(key))
                    .map(state -> Site.at(state.siteName(), state.siteLocation()))
                    .orElseGet(sites::defaultSite);
        }
        Checkout.Result result = new Checkout(site, key, folder, arguments.flag("-y")).run();
        for (Checkout.Outcome outcome : result.outcomes()) {
            if (outcome.action() != Checkout.Action.UP_TO_DATE) {
                out.println("  " + outcome.path() + ": " + outcome.action().description());
            }
        }
        long upToDate = result.count(Checkout.Action.UP_TO_DATE);
        if (upToDate > 0) {
            out.println("  (" + upToDate + " more up to date)");
        }
        out.println("Checked out " + key + " from " + site.describe() + " into " + folder.toAbsolutePath().normalize()
                + ". Next: cd " + folder + " && ./mvnw test");
        return OK;
    }

    private int site(Arguments arguments) {
        List<String> positional = arguments.positional();
        String action = positional.isEmpty() ? "" : positional.get(0);
        switch (action) {
            case "export" -> {
                if (positional.size() != 2) {
                    throw new UsageError("site export takes one folder");
                }
                Path folder = Path.of(positional.get(1));
                SiteIndex index = SiteExport.export(new BuiltinSite(), folder);
                out.println("Exported " + String.join(", ", index.keys()) + " into " + folder.toAbsolutePath().normalize()
                        + ": serve that folder with any web server and add it to " + Sites.FILE
                        + " as name = URL");
            }
            case "list" -> {
                List<Site> all = Sites.load(environment).all();
                for (Site site : all) {
                    out.println(site.name() + " = " + site.location() + (site == all.get(0) ? "  (default)" : ""));
                }
            }
            default -> throw new UsageError("expected site export DIR or site list");
        }
        return OK;
    }

    /**
     * What {@code grade} grades: the exercises of {@code --exercises}; else, for a folder made by
     * {@code socklab checkout} of one exercise, that exercise (so that it scores out of its own
     * points); else every exercise that has graded tests.
     */
    private static Set<Exercise> exercisesToGrade(Arguments arguments, Path folder) {
        Set<Exercise> graded = Template.gradedExercises();
        return arguments.exercises(graded).orElseGet(() -> CheckoutState.read(folder)
                .flatMap(state -> Exercise.byKey(state.key()))
                .filter(graded::contains)
                .map(exercise -> (Set<Exercise>) java.util.EnumSet.of(exercise))
                .orElse(graded));
    }

    private void appendStepSummary(Path reportDir) {
        String summary = environment.get("GITHUB_STEP_SUMMARY");
        if (summary == null || summary.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(summary), Files.readString(reportDir.resolve(Reports.SUMMARY)),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            err.println("socklab: cannot append to $GITHUB_STEP_SUMMARY: " + e.getMessage());
        }
    }

    private static String seconds(Duration elapsed) {
        return String.format(java.util.Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }

    private static int positive(String value) {
        try {
            int number = Integer.parseInt(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageError("expected a positive number, not " + value);
    }

    /** A command line that does not make sense. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message);
        }
    }

    /** The command, its positional arguments and its {@code --name value} options. */
    record Arguments(String command, List<String> positional, Map<String, String> options) {
        private static final Set<String> OPTIONS = Set.of("--out", "--csv", "--jobs", "--timeout", "--lang",
                "--exercises", "--roster", "--deadline", "--late", "--shard", "--shards");
        private static final Set<String> FLAGS = Set.of("-y", "--yes");

        static Arguments parse(String[] args) {
            if (args.length == 0) {
                throw new UsageError("no command");
            }
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (OPTIONS.contains(arg)) {
                    if (i + 1 >= args.length) {
                        throw new UsageError(arg + " needs a value");
                    }
                    options.put(arg, args[++i]);
                } else if (FLAGS.contains(arg)) {
                    options.put("-y", "true");
                } else if (arg.startsWith("--")) {
                    throw new UsageError("unknown option: " + arg);
                } else {
                    positional.add(arg);
                }
            }
            return new Arguments(args[0], List.copyOf(positional), Map.copyOf(options));
        }

        boolean flag(String name) {
            return options.containsKey(name);
        }

        Optional<String> option(String name) {
            return Optional.ofNullable(options.get(name));
        }

        Language language() {
            return option("--lang").map(value -> Language.of(java.util.Locale.forLanguageTag(value)))
                    .orElse(Language.current());
        }

        /**
         * The exercises of {@code --exercises KEY,KEY}, if given; each must have graded tests.
         *
         * @throws UsageError naming the keys that can be graded, for an unknown one
         */
        Optional<Set<Exercise>> exercises(Set<Exercise> graded) {
            return option("--exercises").map(value -> {
                Set<Exercise> chosen = java.util.EnumSet.noneOf(Exercise.class);
                for (String key : value.split(",")) {
                    Exercise exercise = Exercise.byKey(key).filter(graded::contains).orElseThrow(() -> new UsageError(
                            "no graded exercise " + key.strip() + " (known: " + keys(graded) + ")"));
                    chosen.add(exercise);
                }
                return chosen;
            });
        }

        private static String keys(Set<Exercise> exercises) {
            return exercises.stream().map(Exercise::key).collect(java.util.stream.Collectors.joining(", "));
        }
    }
}
