package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.harness.Containment;

/**
 * The escapes of {@code fixtures/hostile} (an orphan, a double fork, a parent killer, a memory hog,
 * a big file, a foreign listener, a neighbour reader), graded side by side by {@code grade-all}
 * under the OS sandbox: afterwards no process of theirs is alive, no file outside their scratch
 * space exists or changed, their neighbours' scores and the gradebook are right, and the run ended
 * within the bound. These pin what must not escape, not the hostile exercise's feedback: the
 * policy check on student classes may refuse most of them before they run, and that is as good.
 *
 * <p>Linux with bubblewrap only (CI installs it): without the sandbox these escapes are not
 * contained, and the test is skipped, saying why.
 */
class HostileEscapesTest {
    private static final List<String> ESCAPES = List.of(
            "setsid-orphan",
            "double-fork",
            "kills-parent",
            "memory-hog",
            "big-file",
            "foreign-listener",
            "reads-neighbour");
    private static final String MARK = "socklab-hostile";

    @TempDir
    Path temp;

    @Test
    void should_leave_nothing_of_any_escape_behind_and_keep_every_neighbours_score() throws IOException {
        Containment containment = Containment.detect();
        assumeTrue(containment.sandboxed(), () -> containment.line().render(Language.ENGLISH));
        Path parent = temp.resolve("class");
        for (String escape : ESCAPES) {
            Submissions.reference(parent.resolve(escape), escape);
        }
        Path victim = Submissions.reference(parent.resolve("victim"));
        Map<String, String> victimBefore = digests(victim.resolve("src"));
        Path csv = temp.resolve("grades.csv");
        long start = System.nanoTime();

        Submissions.Run run = Submissions.socklab(
                "grade-all",
                parent.toString(),
                "--csv",
                csv.toString(),
                "--lang",
                "en",
                "--exercises",
                "echocaps,http",
                "--jobs",
                "2",
                "--sandbox",
                "required");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("sandbox: bwrap");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("student,total,max,echocaps,http,status,reason");
        assertThat(rows).hasSize(ESCAPES.size() + 2);
        // full marks: its total is its maximum (echocaps counts its hidden tests too in grade-all)
        assertThat(row(rows, "victim")).matches("victim,(\\d+),\\1,\\d+,\\d+,graded,");
        for (String escape : ESCAPES) {
            // the neighbour exercise keeps its points, whatever the escape cost its own
            String[] fields = row(rows, escape).split(",");
            assertThat(Integer.parseInt(fields[4]))
                    .as(escape + ": http\n" + summary(parent.resolve(escape)))
                    .isEqualTo(Integer.parseInt(row(rows, "victim").split(",")[4]));
        }
        assertThat(survivors()).as("processes of the escapes still alive").isEmpty();
        assertThat(digests(victim.resolve("src"))).as("the victim's sources").isEqualTo(victimBefore);
        for (Path folder : List.of(
                parent,
                Path.of(System.getProperty("java.io.tmpdir")),
                Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty("user.dir")))) {
            assertThat(marked(folder)).as("files the escapes left in " + folder).isEmpty();
        }
        assertThat(listening(40125))
                .as("the foreign listener's port, on this machine")
                .isFalse();
        // each of the nine submissions' two exercises may pay the hostile bound once, two at a time
        assertThat(took).isLessThan(HostileSubmissionsTest.HOSTILE_BOUND.multipliedBy(ESCAPES.size()));
    }

    @Test
    void should_kill_a_submission_at_its_timeout_and_keep_its_row_and_no_temporary_folder() throws IOException {
        Path parent = temp.resolve("class");
        Submissions.reference(parent.resolve("slow-ana"));
        Submissions.reference(parent.resolve("slow-bia"));
        Path csv = temp.resolve("grades.csv");

        Submissions.Run run = Submissions.socklab(
                "grade-all",
                parent.toString(),
                "--csv",
                csv.toString(),
                "--lang",
                "en",
                "--exercises",
                "chat",
                "--jobs",
                "1",
                "--timeout",
                "2");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readAllLines(csv))
                .hasSize(3)
                .anySatisfy(
                        line -> assertThat(line).startsWith("slow-ana,0,").endsWith(",failed,not graded within 2 s"))
                .anySatisfy(
                        line -> assertThat(line).startsWith("slow-bia,0,").endsWith(",failed,not graded within 2 s"));
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("socklab-slow-ana-") || name.startsWith("socklab-slow-bia-"));
        }
    }

    private static String summary(Path submission) {
        try {
            return Files.readString(submission.resolve("target/socklab/summary.md"));
        } catch (IOException e) {
            return "no summary: " + e;
        }
    }

    private static String row(List<String> rows, String student) {
        return rows.stream()
                .filter(line -> line.startsWith(student + ","))
                .findFirst()
                .orElseThrow();
    }

    /** Every process whose command line carries the escapes' mark. */
    private static List<String> survivors() {
        return ProcessHandle.allProcesses()
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .map(process -> commandLine(process.pid()))
                .filter(line -> line.contains(MARK))
                .toList();
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Files and folders under {@code folder} (a few levels down) whose name carries the escapes' mark. */
    private static List<Path> marked(Path folder) {
        try (Stream<Path> files = Files.walk(folder, 4)) {
            return files.filter(file -> file.getFileName() != null
                            && file.getFileName().toString().startsWith(MARK))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    private static Map<String, String> digests(Path folder) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    digests.put(folder.relativize(file).toString(), sha256(Files.readAllBytes(file)));
                }
            }
        }
        return digests;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
