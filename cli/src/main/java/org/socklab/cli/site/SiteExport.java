package org.socklab.cli.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;

/**
 * Writes a site as static files: its {@link SiteIndex#FILE} and every file the index names, at its
 * site path. Publish the folder with any web server (or a GitHub Pages branch) and add its URL to
 * the sites file. Refuses a folder that is neither empty nor an earlier export.
 *
 * <p>Not thread-safe: one export of one folder at a time.
 */
public final class SiteExport {
    private SiteExport() {}

    /** Exports {@code site} into {@code folder}; returns the index written. */
    public static SiteIndex export(Site site, Path folder) {
        if (Files.exists(folder)
                && !(Files.isDirectory(folder)
                        && (isEmpty(folder) || Files.isRegularFile(folder.resolve(SiteIndex.FILE))))) {
            throw new CliFailure(folder + " exists and is not an empty folder or a socklab site: nothing was written");
        }
        SiteIndex index = site.index();
        try {
            Set<String> done = new HashSet<>();
            for (SiteIndex.Entry entry : index.entries()) {
                if (done.add(entry.sitePath())) {
                    Path target = folder.resolve(entry.sitePath());
                    Files.createDirectories(target.getParent());
                    Files.write(target, site.read(entry.sitePath()));
                }
            }
            Files.writeString(folder.resolve(SiteIndex.FILE), index.write(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure("cannot write the site into " + folder + ": " + e.getMessage());
        }
        return index;
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new CliFailure("cannot read " + folder + ": " + e.getMessage());
        }
    }
}
