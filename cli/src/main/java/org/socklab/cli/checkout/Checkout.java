package org.socklab.cli.checkout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.socklab.cli.CliFailure;
import org.socklab.cli.site.Site;
import org.socklab.cli.site.SiteIndex;
import org.socklab.cli.site.SitePaths;

/**
 * Makes or updates a checkout: the files a site lists for a key, written into a folder, and the
 * folder's {@link CheckoutState}.
 *
 * <p>Every file is downloaded and checked against the index's SHA-256 before anything is written,
 * so a site that fails halfway leaves the folder as it was. Then, per file: a new one is added; one
 * the student has not changed (its checksum is the one the checkout last wrote) is updated; one the
 * student changed is kept, unless the caller confirmed overwriting ({@code -y}); one the student
 * deleted is restored. A file overwritten with {@code -y} is first copied under {@value #BACKUPS}.
 * A file the template no longer has is removed if untouched and kept if changed, even with
 * {@code -y}: deleting a student's work is never an update.
 *
 * <p>A folder that exists, is not empty and holds no checkout state is refused, as is a checkout
 * of another key: nothing is written then.
 *
 * <p>Not thread-safe: one checkout of one folder at a time.
 */
public final class Checkout {
    /** What happened to one file. */
    public enum Action {
        ADDED("added"),
        UPDATED("updated"),
        UP_TO_DATE("up to date"),
        RESTORED("restored (you had deleted it)"),
        KEPT("kept: you changed it (socklab checkout -y overwrites it)"),
        OVERWRITTEN("overwritten (-y): your version is saved as"),
        REMOVED("removed: no longer in the template"),
        KEPT_UNLISTED("kept: no longer in the template, and you changed it");

        private final String description;

        Action(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One file and what happened to it.
     *
     * @param backup where the student's version was saved before it was overwritten, relative to
     *     the checkout; empty for every other action
     */
    public record Outcome(String path, Action action, String backup) {
        public Outcome(String path, Action action) {
            this(path, action, "");
        }

        /** "added", or for an overwritten file "overwritten (-y): your version is saved as BACKUP". */
        public String describe() {
            return backup.isEmpty() ? action.description() : action.description() + " " + backup;
        }
    }

    /** Where {@code -y} saves the files it overwrites: one folder per run, named by its time. */
    public static final String BACKUPS = CheckoutState.FOLDER + "/backup";

    /** What a checkout did, file by file. */
    public record Result(Site site, String key, Path folder, List<Outcome> outcomes) {
        public long count(Action action) {
            return outcomes.stream()
                    .filter(outcome -> outcome.action() == action)
                    .count();
        }

        /** The backups of the files {@code -y} overwrote, relative to the checkout. */
        public List<String> backups() {
            return outcomes.stream()
                    .map(Outcome::backup)
                    .filter(backup -> !backup.isEmpty())
                    .toList();
        }
    }

    private final Site site;
    private final String key;
    private final Path folder;
    private final boolean overwrite;
    private final String backupFolder = BACKUPS + "/"
            + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).format(LocalDateTime.now());

    /**
     * @param overwrite whether files the student changed may be replaced by the template's
     */
    public Checkout(Site site, String key, Path folder, boolean overwrite) {
        this.site = site;
        this.key = key;
        this.folder = folder;
        this.overwrite = overwrite;
    }

    public Result run() {
        Optional<CheckoutState> previous = existingCheckout();
        SiteIndex index = site.index();
        List<SiteIndex.Entry> entries = index.of(key);
        if (entries.isEmpty()) {
            throw new CliFailure(unknownKey(index));
        }
        Map<String, TemplateFile> files = download(entries);
        Map<String, String> written =
                new HashMap<>(previous.map(CheckoutState::written).orElse(Map.of()));
        List<String> touched = new ArrayList<>(files.keySet());
        touched.addAll(written.keySet());
        touched.add(CheckoutState.FILE);
        touched.forEach(this::refuseLinks);
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (TemplateFile file : files.values()) {
                Outcome outcome = update(file, written.get(file.path()));
                if (outcome.action() != Action.KEPT) {
                    written.put(file.path(), file.sha256());
                }
                outcomes.add(outcome);
            }
            for (String path : List.copyOf(written.keySet())) {
                if (!files.containsKey(path)) {
                    outcomes.add(new Outcome(path, remove(path, written.remove(path))));
                }
            }
            new CheckoutState(site.name(), site.location(), key, written).write(folder);
        } catch (IOException e) {
            throw new CliFailure("cannot write in " + folder + ": " + e.getMessage());
        }
        return new Result(site, key, folder, outcomes);
    }

    private Optional<CheckoutState> existingCheckout() {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new CliFailure(folder + " exists and is not a folder: nothing was written");
        }
        Optional<CheckoutState> state = CheckoutState.read(folder);
        if (state.isEmpty() && !isEmptyOrAbsent(folder)) {
            throw new CliFailure(folder + " exists and is not a socklab checkout (no " + CheckoutState.FILE
                    + "): choose another folder; nothing was written");
        }
        if (state.isPresent() && !state.get().key().equals(key)) {
            throw new CliFailure(folder + " is a checkout of " + state.get().key() + ", not " + key
                    + ": choose another folder; nothing was written");
        }
        return state;
    }

    /**
     * Refuses a path of the checkout that is, or goes through, a symbolic link: a checkout never
     * writes, reads or deletes through one (a link committed to another student's file, or to one
     * of the teacher's). Checked for every path before anything is written.
     */
    private void refuseLinks(String path) {
        Path current = folder;
        for (Path part : Path.of(path)) {
            current = current.resolve(part.toString());
            if (Files.isSymbolicLink(current)) {
                throw new CliFailure(folder.relativize(current) + " in " + folder
                        + " is a symbolic link: refused, never followed; nothing was written");
            }
        }
    }

    private String unknownKey(SiteIndex index) {
        String known = String.join(", ", index.keys());
        return CheckoutKeys.exercise(key)
                .map(exercise ->
                        "exercise " + key + " is not on " + site.describe() + " yet (known keys: " + known + ")")
                .orElse("unknown key " + key + " on " + site.describe() + " (known keys: " + known + ")");
    }

    private Map<String, TemplateFile> download(List<SiteIndex.Entry> entries) {
        Map<String, TemplateFile> files = new LinkedHashMap<>();
        for (SiteIndex.Entry entry : entries) {
            byte[] content = site.read(entry.sitePath());
            if (!TemplateFile.sha256(content).equals(entry.sha256())) {
                throw new CliFailure(site.describe() + ": " + entry.sitePath() + " does not match its checksum in "
                        + SiteIndex.FILE + "; nothing was written");
            }
            files.put(entry.path(), new TemplateFile(entry.path(), content, entry.executable()));
        }
        return files;
    }

    private Outcome update(TemplateFile file, String lastWritten) throws IOException {
        Path target = folder.resolve(file.path());
        if (!Files.exists(target)) {
            write(target, file);
            return new Outcome(file.path(), lastWritten == null ? Action.ADDED : Action.RESTORED);
        }
        String current = TemplateFile.sha256(Files.readAllBytes(target));
        if (current.equals(file.sha256())) {
            return new Outcome(file.path(), Action.UP_TO_DATE);
        }
        if (current.equals(lastWritten)) {
            write(target, file);
            return new Outcome(file.path(), Action.UPDATED);
        }
        if (overwrite) {
            // the student's work: saved before it is replaced, never lost
            String backup = backupFolder + "/" + file.path();
            Path saved = folder.resolve(backup);
            Files.createDirectories(saved.getParent());
            Files.copy(target, saved, StandardCopyOption.REPLACE_EXISTING);
            write(target, file);
            return new Outcome(file.path(), Action.OVERWRITTEN, backup);
        }
        return new Outcome(file.path(), Action.KEPT);
    }

    private Action remove(String path, String lastWritten) throws IOException {
        Path target = folder.resolve(SitePaths.requireSafe(path));
        if (!Files.exists(target)) {
            return Action.REMOVED;
        }
        if (TemplateFile.sha256(Files.readAllBytes(target)).equals(lastWritten)) {
            Files.delete(target);
            deleteEmptyParents(target);
            return Action.REMOVED;
        }
        return Action.KEPT_UNLISTED;
    }

    /** An older grader's {@code lib/} folders, say, once their files are gone. */
    private void deleteEmptyParents(Path file) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        for (Path parent = file.toAbsolutePath().normalize().getParent();
                parent != null && !parent.equals(root) && parent.startsWith(root) && isEmptyOrAbsent(parent);
                parent = parent.getParent()) {
            Files.deleteIfExists(parent);
        }
    }

    private static void write(Path target, TemplateFile file) throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
        if (file.executable()) {
            target.toFile().setExecutable(true, false);
        }
    }

    private static boolean isEmptyOrAbsent(Path folder) {
        if (!Files.exists(folder)) {
            return true;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new CliFailure("cannot read " + folder + ": " + e.getMessage());
        }
    }
}
