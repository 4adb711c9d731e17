package org.socklab.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code socklab classroom-workflow DIR}: writes the teacher's class grading workflow, bundled
 * from the repository's {@code .github/classroom/}: a matrix of shards graded with
 * {@code grade-all --roster --shard}, then {@code shard merge}. Not thread-safe: one instance runs once.
 */
@Command(
        name = "classroom-workflow",
        description = "Writes the teacher's GitHub Actions workflow that grades a class in shards.")
public final class ClassroomWorkflowCommand implements Callable<Integer> {
    static final String FILE = "socklab-class.yml";

    @Parameters(paramLabel = "DIR", description = "where to write " + FILE + " (e.g. .github/workflows)")
    private Path folder;

    private final Terminal terminal;

    public ClassroomWorkflowCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Path file = folder.resolve(FILE);
        try (InputStream bundled =
                ClassroomWorkflowCommand.class.getClassLoader().getResourceAsStream("socklab/classroom/" + FILE)) {
            if (bundled == null) {
                throw new CliFailure("this build of socklab has no " + FILE);
            }
            Files.createDirectories(folder);
            Files.write(file, bundled.readAllBytes());
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + e.getMessage());
        }
        terminal.out()
                .println("Wrote " + file + ": put roster.csv (student,repository) next to it in the teacher's"
                        + " repository, add the secret SOCKLAB_GIT_TOKEN, and run it with the deadline");
        return 0;
    }
}
