package org.socklab.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socklab.cli.checkout.Checkout;
import org.socklab.cli.checkout.CheckoutState;
import org.socklab.cli.site.Site;
import org.socklab.cli.site.Sites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code socklab checkout KEY[@SITE] [DIR] [-y]}: makes DIR ready for {@code mvn test} with the
 * template of KEY; run again in DIR to update it. Not thread-safe: one instance runs once.
 */
@Command(
        name = "checkout",
        description =
                "Makes DIR (default: KEY) ready for mvn test, with the template of KEY"
                        + " (an exercise, or all) from SITE. Run again in DIR to update it: files you changed are kept unless -y.")
public final class CheckoutCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "KEY[@SITE]", description = "an exercise, or all; then the site")
    private String spec;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "the folder (default: KEY)")
    private Path folder;

    @Option(
            names = {"-y", "--yes"},
            description = "overwrite the files you changed")
    private boolean overwrite;

    @Spec
    private CommandSpec command;

    private final Terminal terminal;

    public CheckoutCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        int at = spec.indexOf('@');
        String key = at < 0 ? spec : spec.substring(0, at);
        if (key.isEmpty() || at == spec.length() - 1) {
            throw new ParameterException(command.commandLine(), "expected KEY or KEY@SITE, not " + spec);
        }
        Path into = folder != null ? folder : Path.of(key);
        Sites sites = Sites.load(terminal.environment());
        sites.problems().forEach(problem -> terminal.err().println("socklab: warning: " + problem));
        Site site = at >= 0
                ? sites.named(spec.substring(at + 1))
                : CheckoutState.read(into)
                        .filter(state -> state.key().equals(key))
                        .map(state -> Site.at(state.siteName(), state.siteLocation()))
                        .orElseGet(sites::defaultSite);
        Checkout.Result result = new Checkout(site, key, into, overwrite).run();
        for (Checkout.Outcome outcome : result.outcomes()) {
            if (outcome.action() != Checkout.Action.UP_TO_DATE) {
                terminal.out().println("  " + outcome.path() + ": " + outcome.describe());
            }
        }
        long upToDate = result.count(Checkout.Action.UP_TO_DATE);
        if (upToDate > 0) {
            terminal.out().println("  (" + upToDate + " more up to date)");
        }
        if (!result.backups().isEmpty()) {
            terminal.out()
                    .println(
                            "Your versions of the " + result.backups().size() + " files overwritten (-y) are saved, in "
                                    + into.toAbsolutePath().normalize() + ", as:");
            result.backups().forEach(backup -> terminal.out().println("  " + backup));
        }
        terminal.out()
                .println("Checked out " + key + " from " + site.describe() + " into "
                        + into.toAbsolutePath().normalize() + ". Next: cd " + into + " && ./mvnw test");
        return 0;
    }
}
