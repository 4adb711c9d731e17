package org.socklab.cli.command;

import java.util.List;
import java.util.concurrent.Callable;
import org.socklab.cli.site.Site;
import org.socklab.cli.site.Sites;
import picocli.CommandLine.Command;

/** {@code socklab site list}: the sites, the default first. Stateless apart from its terminal. */
@Command(name = "list", description = "Lists the sites (the default first) from ~/.socklab/sites.")
public final class SiteListCommand implements Callable<Integer> {
    private final Terminal terminal;

    public SiteListCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        List<Site> all = Sites.load(terminal.environment()).all();
        for (Site site : all) {
            terminal.out().println(site.name() + " = " + site.location() + (site == all.get(0) ? "  (default)" : ""));
        }
        return 0;
    }
}
