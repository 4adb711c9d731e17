package org.socklab.cli.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.socklab.cli.CliFailure;
import org.socklab.cli.checkout.BuiltinTemplates;
import org.socklab.cli.checkout.TemplateFile;

/**
 * The site bundled in the command: the templates of {@link BuiltinTemplates}, with the layout
 * {@link SiteLayout} gives an exported site, so a checkout from here and one from an export of it
 * write the same files. Works offline.
 *
 * <p>Thread-safe: the content is computed once, on first use, under the instance's lock.
 */
public final class BuiltinSite implements Site {
    /** The location that names the builtin site in a config file and in a checkout's state. */
    static final String LOCATION = "builtin";
    /** The name of the builtin site. */
    static final String NAME = "builtin";

    private final String name;
    private SiteIndex index;
    private Map<String, byte[]> files;

    BuiltinSite(String name) {
        this.name = name;
    }

    public BuiltinSite() {
        this(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String location() {
        return LOCATION;
    }

    @Override
    public String describe() {
        return "site " + name + " (bundled in socklab)";
    }

    @Override
    public synchronized SiteIndex index() {
        load();
        return index;
    }

    @Override
    public synchronized byte[] read(String sitePath) {
        load();
        byte[] content = files.get(sitePath);
        if (content == null) {
            throw new CliFailure(describe() + " has no " + sitePath);
        }
        return content;
    }

    private void load() {
        if (index != null) {
            return;
        }
        Map<String, List<TemplateFile>> keys = BuiltinTemplates.all();
        Map<String, byte[]> content = new HashMap<>();
        List<SiteIndex.Entry> entries = new ArrayList<>();
        for (SiteIndex.Entry entry : SiteLayout.place(keys)) {
            entries.add(entry);
            keys.get(entry.key()).stream()
                    .filter(file -> file.path().equals(entry.path()))
                    .findFirst()
                    .ifPresent(file -> content.put(entry.sitePath(), file.content()));
        }
        files = content;
        index = new SiteIndex(entries);
    }
}
