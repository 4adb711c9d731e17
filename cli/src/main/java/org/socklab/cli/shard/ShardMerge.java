package org.socklab.cli.shard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassReport;
import org.socklab.cli.classreport.ClassRow;
import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Roster;

/**
 * Merges the class folders that shards of one roster wrote into one class folder: one gradebook
 * row per student of the roster, in its order, and the class report made from them.
 *
 * <p>A student no shard folder has (the shard's job failed, or was cancelled) gets a row marked
 * not graded that says which shard it was; nobody is ever missing. The folders may come in any
 * order and give the same files, byte for byte: rows follow the roster, reports are copied by
 * student, and nothing depends on the time or on the order folders were listed in.
 *
 * <p>Stateless.
 */
public final class ShardMerge {
    private ShardMerge() {}

    /**
     * @param roster the whole roster the shards were cut from
     * @param count how many shards it was cut into
     * @param shardFolders the class folders the shards that finished wrote, in any order
     * @param into the merged class folder
     * @return the merged gradebook
     * @throws BadInput when the shard folders disagree on the exercises, or hold a student twice or
     *     one who is not on the roster
     */
    public static ClassGradebook merge(Roster roster, int count, List<Path> shardFolders, Path into, String title) {
        Map<String, ClassRow> rows = new HashMap<>();
        Map<String, Path> folderOf = new HashMap<>();
        List<String> exercises = null;
        for (Path folder : shardFolders) {
            Path file = folder.resolve(ClassGradebook.FILE);
            if (!Files.isRegularFile(file)) {
                continue; // a shard that did not finish: its students are said not graded below
            }
            ClassGradebook shard = ClassGradebook.read(file);
            if (exercises != null && !exercises.equals(shard.exercises())) {
                throw new BadInput(file + " grades " + shard.exercises() + ", another shard " + exercises);
            }
            exercises = shard.exercises();
            for (ClassRow row : shard.rows()) {
                if (!roster.students().contains(row.student())) {
                    throw new BadInput(file + " has " + row.student() + ", who is not on the roster");
                }
                if (rows.put(row.student(), row) != null) {
                    throw new BadInput(row.student() + " is in two shards' results (" + folderOf.get(row.student())
                            + " and " + folder + ")");
                }
                folderOf.put(row.student(), folder);
            }
        }
        List<String> columns = exercises == null ? List.of() : exercises;
        List<ClassRow> merged = new ArrayList<>();
        for (int i = 0; i < roster.members().size(); i++) {
            String student = roster.members().get(i).student();
            ClassRow row = rows.get(student);
            merged.add(
                    row != null
                            ? row
                            : ClassRow.notGraded(
                                    student,
                                    columns.size(),
                                    "not graded: shard " + Shard.of(i, count) + " left no result for this student",
                                    0));
        }
        ClassGradebook gradebook = new ClassGradebook(columns, merged);
        try {
            for (Map.Entry<String, Path> entry : folderOf.entrySet()) {
                copyTree(
                        ClassReport.reportsOf(entry.getValue(), entry.getKey()),
                        ClassReport.reportsOf(into, entry.getKey()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the shards' reports into " + into, e);
        }
        ClassReport.write(into, title, gradebook);
        return gradebook;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files.sorted()::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    continue;
                }
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
