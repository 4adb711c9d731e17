package org.socklab.cli.command;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.socklab.cli.CliFailure;
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

    /** The name of the command's jar on a site. */
    static final String JAR = "socklab.jar";

    private final Terminal terminal;

    public SiteExportCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        SiteIndex index = SiteExport.export(new BuiltinSite(), folder);
        terminal.out()
                .println("Exported " + String.join(", ", index.keys()) + " into "
                        + folder.toAbsolutePath().normalize() + ": serve that folder with any web server and add it to "
                        + Sites.FILE + " as name = URL");
        publishCommand();
        return 0;
    }

    /**
     * This command's own jar, at the site's root as {@value #JAR}, so that a student gets the
     * checkout tool from the course's site with one command ({@code curl -fLO URL/socklab.jar}).
     * It holds no solution (see the README). Not possible when the command runs from classes.
     */
    private void publishCommand() {
        Path source;
        try {
            source = Path.of(SiteExportCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return;
        }
        if (!Files.isRegularFile(source)) {
            terminal.out().println("(" + JAR + " not published: this socklab does not run from a jar)");
            return;
        }
        try {
            Files.copy(source, folder.resolve(JAR), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + folder.resolve(JAR) + ": " + e.getMessage());
        }
        terminal.out()
                .println("Students get the checkout tool with: curl -fLO <URL>/" + JAR + " && java -jar " + JAR
                        + " checkout KEY");
    }
}
