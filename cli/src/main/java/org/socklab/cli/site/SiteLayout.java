package org.socklab.cli.site;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.socklab.cli.checkout.TemplateFile;

/**
 * Where each file of each key goes on a site: {@code common/<path>} for a file that more than one
 * key ships with the very same content (the grader jar, the wrapper), stored once; otherwise
 * {@code <key>/<path>}. Stateless.
 */
final class SiteLayout {
    private SiteLayout() {}

    static List<SiteIndex.Entry> place(Map<String, List<TemplateFile>> keys) {
        Map<String, Set<String>> contentsByPath = new HashMap<>();
        Map<String, Integer> keysByPath = new HashMap<>();
        for (List<TemplateFile> files : keys.values()) {
            for (TemplateFile file : files) {
                contentsByPath
                        .computeIfAbsent(file.path(), path -> new HashSet<>())
                        .add(file.sha256());
                keysByPath.merge(file.path(), 1, Integer::sum);
            }
        }
        List<SiteIndex.Entry> entries = new ArrayList<>();
        keys.forEach((key, files) -> {
            for (TemplateFile file : files) {
                boolean shared = keysByPath.get(file.path()) > 1
                        && contentsByPath.get(file.path()).size() == 1;
                String sitePath = (shared ? "common" : key) + "/" + file.path();
                entries.add(new SiteIndex.Entry(key, file.sha256(), file.executable(), file.path(), sitePath));
            }
        });
        return entries;
    }
}
