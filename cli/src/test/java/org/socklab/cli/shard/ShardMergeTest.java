package org.socklab.cli.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.classreport.ClassGradebook;
import org.socklab.cli.classreport.ClassRow;
import org.socklab.cli.classreport.RowStatus;
import org.socklab.cli.classreport.SampleClass;
import org.socklab.cli.roster.BadInput;
import org.socklab.cli.roster.Member;
import org.socklab.cli.roster.Roster;

/** Shards of a roster and their merge: everyone once, in the roster's order, the same bytes whatever the order. */
class ShardMergeTest {
    private static final Roster ROSTER = new Roster(Stream.of("ana", "bia", "caio", "duda", "enzo", "lia", "gil")
            .map(name -> new Member(name, "/repos/" + name))
            .toList());

    @TempDir
    Path temp;

    @Test
    void should_deal_the_roster_so_that_every_student_is_in_exactly_one_shard() {
        List<String> dealt = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            dealt.addAll(new Shard(index, 3).of(ROSTER).students());
        }
        assertThat(new Shard(1, 3).of(ROSTER).students()).containsExactly("ana", "duda", "gil");
        assertThat(dealt).containsExactlyInAnyOrderElementsOf(ROSTER.students());
        assertThatThrownBy(() -> Shard.parse("4/3")).isInstanceOf(BadInput.class);
        assertThatThrownBy(() -> Shard.parse("two")).isInstanceOf(BadInput.class);
    }

    @Test
    void should_merge_three_shards_in_any_order_into_the_same_bytes() throws IOException {
        List<Path> shards = threeShards();
        Map<String, byte[]> first = null;
        for (List<Path> order : permutations(shards)) {
            Path merged = temp.resolve("merged-"
                    + order.stream().map(p -> p.getFileName().toString()).reduce("", String::concat));
            ShardMerge.merge(ROSTER, 3, order, merged, "class report");
            Map<String, byte[]> files = everyFile(merged);
            if (first == null) {
                first = files;
                assertThat(files)
                        .containsKeys(
                                "gradebook.csv", "class.html", "reports/ana/score.json", "reports/ana/report.html");
            } else {
                assertThat(files.keySet()).isEqualTo(first.keySet());
                for (String name : files.keySet()) {
                    assertThat(files.get(name))
                            .as("%s merged in the order %s", name, order)
                            .isEqualTo(first.get(name));
                }
            }
        }
    }

    @Test
    void should_keep_every_student_of_a_failed_shard_as_not_graded_with_the_reason() {
        List<Path> shards = threeShards();

        ClassGradebook merged = ShardMerge.merge(
                ROSTER, 3, List.of(shards.get(2), shards.get(0)), temp.resolve("merged"), "class report");

        assertThat(merged.rows()).extracting(ClassRow::student).containsExactlyElementsOf(ROSTER.students());
        assertThat(merged.rows())
                .filteredOn(row -> row.status() == RowStatus.NOT_GRADED)
                .extracting(ClassRow::student, ClassRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "bia", "not graded: shard 2/3 left no result for this student"),
                        org.assertj.core.groups.Tuple.tuple(
                                "enzo", "not graded: shard 2/3 left no result for this student"));
    }

    @Test
    void should_refuse_a_student_in_two_shards() {
        List<Path> shards = threeShards();

        assertThatThrownBy(() ->
                        ShardMerge.merge(ROSTER, 3, List.of(shards.get(0), shards.get(0)), temp.resolve("merged"), "t"))
                .isInstanceOf(BadInput.class)
                .hasMessageContaining("ana is in two shards");
    }

    /** The roster graded in three shards, as three class folders. */
    private List<Path> threeShards() {
        List<Path> shards = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            List<ClassRow> rows = new ArrayList<>();
            List<List<String>> failures = new ArrayList<>();
            int position = 0;
            for (String student : new Shard(index, 3).of(ROSTER).students()) {
                List<String> failed = SampleClass.TESTS.subList(0, (student.length() + position++) % 4);
                rows.add(SampleClass.graded(student, failed.toArray(String[]::new)));
                failures.add(failed);
            }
            shards.add(SampleClass.folder(temp.resolve("shard-" + index), rows, failures));
        }
        return shards;
    }

    private static Map<String, byte[]> everyFile(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(folder.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static List<List<Path>> permutations(List<Path> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<Path>> all = new ArrayList<>();
        for (Path first : items) {
            List<Path> rest = new ArrayList<>(items);
            rest.remove(first);
            for (List<Path> tail : permutations(rest)) {
                List<Path> one = new ArrayList<>(List.of(first));
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
