package org.socklab.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.socklab.cli.site.BuiltinSite;
import org.socklab.cli.site.SiteExport;
import org.socklab.cli.site.SiteIndex;
import org.socklab.cli.site.Sites;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code socklab site export DIR}: the bundled templates as a static site. Not thread-safe. */
@Command(name = "export", description = "Writes the bundled templates into DIR as a static site.")
public final class SiteExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "an empty or new folder")
    private Path folder;

    private final Terminal terminal;

    public SiteExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        SiteIndex index = SiteExport.export(new BuiltinSite(), folder);
        terminal.out().println("Exported " + String.join(", ", index.keys()) + " into "
                + folder.toAbsolutePath().normalize() + ": serve that folder with any web server and add it to "
                + Sites.FILE + " as name = URL");
        return 0;
    }
}
