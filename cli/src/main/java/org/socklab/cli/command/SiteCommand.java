package org.socklab.cli.command;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code socklab site}: the group of {@link SiteExportCommand} and {@link SiteListCommand}; alone,
 * a usage error. Stateless.
 */
@Command(name = "site", description = "Publishes the templates as a static site, or lists the sites.")
public final class SiteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        throw new ParameterException(command.commandLine(), "expected site export DIR or site list");
    }
}
