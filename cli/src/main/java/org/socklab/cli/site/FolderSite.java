package org.socklab.cli.site;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.socklab.cli.CliFailure;

/**
 * A site in a local folder (a path, or a {@code file:} URI), such as one written by
 * {@code socklab site export}. Thread-safe: it only reads files.
 */
final class FolderSite implements Site {
    private final String name;
    private final String location;
    private final Path root;

    FolderSite(String name, String location) {
        this.name = name;
        this.location = location;
        this.root = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public SiteIndex index() {
        if (!Files.isDirectory(root)) {
            throw new CliFailure(describe() + " is unreachable: no such folder");
        }
        String text = new String(read(SiteIndex.FILE), StandardCharsets.UTF_8);
        try {
            return SiteIndex.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(describe() + " has a broken " + SiteIndex.FILE + ": " + e.getMessage());
        }
    }

    @Override
    public byte[] read(String sitePath) {
        try {
            return Files.readAllBytes(root.resolve(SitePaths.requireSafe(sitePath)));
        } catch (NoSuchFileException e) {
            throw new CliFailure(describe() + " has no " + sitePath
                    + (sitePath.equals(SiteIndex.FILE) ? ": it is not a socklab site" : ""));
        } catch (IOException e) {
            throw new CliFailure(describe() + ": cannot read " + sitePath + ": " + e.getMessage());
        }
    }
}
