package org.socklab.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code socklab shard}: the parts of a class graded on several machines ({@code shard merge}). Stateless. */
@Command(name = "shard", description = "Works with the shards of a roster graded on several machines.")
public final class ShardCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "expected shard merge");
    }
}
