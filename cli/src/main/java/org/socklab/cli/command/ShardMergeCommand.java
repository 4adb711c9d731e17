package org.socklab.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassReport;
import org.socklab.cli.roster.Deadline;
import org.socklab.cli.roster.Roster;
import org.socklab.cli.shard.ShardMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code socklab shard merge --roster FILE --shards N --out DIR SHARD_DIR...}: the class folders
 * of the shards that finished, merged into one; the students of the others keep a row, not graded.
 * Not thread-safe: one instance runs once.
 */
@Command(
        name = "merge",
        description = "Merges the class folders of a roster's shards into one gradebook and class report.")
public final class ShardMergeCommand implements Callable<Integer> {
    @Option(
            names = "--roster",
            required = true,
            paramLabel = "FILE",
            description = "the whole roster (student,repository)")
    private Path roster;

    @Option(
            names = "--shards",
            required = true,
            paramLabel = "N",
            converter = Converters.PositiveConverter.class,
            description = "how many shards the roster was cut into")
    private int shards;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the merged class folder")
    private Path out;

    @Option(
            names = "--deadline",
            paramLabel = "WHEN",
            converter = RosterConverters.DeadlineConverter.class,
            description = "the deadline, for the report's title")
    private Deadline deadline;

    @Parameters(
            paramLabel = "SHARD_DIR",
            arity = "0..*",
            description = "the class folders the shards wrote, in any order")
    private List<Path> folders = List.of();

    private final Terminal terminal;

    public ShardMergeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Roster whole = Roster.read(roster);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new CliFailure("no such folder: " + folder);
            }
        }
        String title = "socklab: class report" + (deadline == null ? "" : ", deadline " + deadline.text());
        ClassGradebook gradebook = ShardMerge.merge(whole, shards, folders, out, title);
        terminal.out()
                .println("Merged " + folders.size() + " shard folders into " + out + ": "
                        + gradebook.rows().size() + " students");
        StepSummary.append(terminal, ClassReport.markdown(title, gradebook));
        return 0;
    }
}
