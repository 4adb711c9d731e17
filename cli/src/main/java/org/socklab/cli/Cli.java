package org.socklab.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.socklab.cli.checkout.BuildInfo;
import org.socklab.cli.command.AssignmentCommand;
import org.socklab.cli.command.CheckoutCommand;
import org.socklab.cli.command.ClassroomWorkflowCommand;
import org.socklab.cli.command.GradeAllCommand;
import org.socklab.cli.command.GradeCommand;
import org.socklab.cli.command.ShardCommand;
import org.socklab.cli.command.ShardMergeCommand;
import org.socklab.cli.command.SiteCommand;
import org.socklab.cli.command.SiteExportCommand;
import org.socklab.cli.command.SiteListCommand;
import org.socklab.cli.command.Terminal;
import org.socklab.cli.experiment.ExperimentCommand;
import org.socklab.cli.roster.BadInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code socklab} command line: its commands (one class each in {@code org.socklab.cli.command}),
 * {@code --help}, and how an error ends.
 *
 * <p>Exit status: 0 when the command did its job (grading completed, whatever the score); 1 when
 * it could not (no such folder, not a template, does not compile), with one line saying why on
 * standard error; 2 for a command line it does not understand, also in one line.
 *
 * <p>It prints UTF-8 into the streams it is given; {@link #standard()} gives it the console's,
 * which write the console's charset ({@link ConsoleStream}).
 *
 * <p>Not thread-safe: one instance runs one command.
 */
@Command(
        name = "socklab",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        description = "Grades socklab submissions in isolation and checks out the exercises' templates.",
        versionProvider = Cli.Version.class,
        subcommands = HelpCommand.class)
final class Cli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final PrintStream err;
    private final CommandLine line;

    @Spec
    private CommandSpec spec;

    Cli(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.err = err;
        Terminal terminal = new Terminal(out, err, environment);
        this.line = new CommandLine(this)
                .addSubcommand(new GradeCommand(terminal))
                .addSubcommand(new GradeAllCommand(terminal))
                .addSubcommand(new CheckoutCommand(terminal))
                .addSubcommand(new AssignmentCommand(terminal))
                .addSubcommand(new CommandLine(new ShardCommand()).addSubcommand(new ShardMergeCommand(terminal)))
                .addSubcommand(new ClassroomWorkflowCommand(terminal))
                .addSubcommand(new CommandLine(new SiteCommand())
                        .addSubcommand(new SiteExportCommand(terminal))
                        .addSubcommand(new SiteListCommand(terminal)))
                .addSubcommand(new ExperimentCommand(environment))
                .setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true))
                .setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true))
                .setParameterExceptionHandler((error, args) -> usageError(error))
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    if (error instanceof CliFailure || error instanceof BadInput) {
                        this.err.println("socklab: " + error.getMessage());
                        return FAILED;
                    }
                    throw error;
                });
    }

    static Cli standard() {
        return new Cli(ConsoleStream.of(System.out, "stdout"), ConsoleStream.of(System.err, "stderr"), System.getenv());
    }

    int run(String... args) {
        return line.execute(args);
    }

    /** {@code socklab} alone. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "no command");
    }

    /** {@code --version}: the version this command was built as. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"socklab " + BuildInfo.value("socklab.version")};
        }
    }

    /** One line: what is wrong, what was probably meant, where the usage is. */
    private int usageError(ParameterException error) {
        List<String> suggestions =
                error instanceof UnmatchedArgumentException unmatched ? unmatched.getSuggestions() : List.of();
        err.println("socklab: " + error.getMessage()
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)")
                + "; see " + error.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        return USAGE;
    }
}
