package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.command.GradeCommand;

/**
 * Ctrl-C on a running {@code grade-all}: the command started as a process of its own, as a teacher
 * runs it, and sent SIGINT (what the terminal sends) once a gradebook row exists. It must end,
 * stop every process it started, leave none of its temporary folders behind, and keep the rows
 * already graded.
 *
 * <p>Linux only ({@code kill}, {@code env --default-signal}): a JVM started with SIGINT ignored
 * (a background job of a shell) keeps ignoring it, so the command is started with SIGINT reset to
 * its default, as in a terminal.
 */
class GradeAllInterruptTest {
    private static final long ROW_WITHIN_SECONDS = 300;
    private static final long EXIT_WITHIN_SECONDS = 60;

    @TempDir
    Path temp;

    @Test
    void should_stop_its_children_remove_its_temporary_folders_and_keep_the_graded_rows_on_ctrl_c()
            throws IOException, InterruptedException {
        assumeTrue(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"), "kill is Linux's here");
        Path parent = temp.resolve("class");
        for (String student : List.of("ana", "bia", "caio")) {
            Submissions.reference(parent.resolve(student));
        }
        Path csv = temp.resolve("grades.csv");
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(
                        "env",
                        "--default-signal=INT",
                        java.toString(),
                        "-Djava.io.tmpdir=" + tmp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "grade-all",
                        parent.toString(),
                        "--csv",
                        csv.toString(),
                        "--lang",
                        "en",
                        "--exercises",
                        "echocaps",
                        "--jobs",
                        "1")
                .redirectOutput(temp.resolve("out.txt").toFile())
                .redirectError(temp.resolve("err.txt").toFile());
        builder.environment()
                .put(
                        GradeCommand.REFERENCE_VARIABLE,
                        Submissions.REPOSITORY.resolve("fixtures/reference").toString());
        Process command = builder.start();
        try {
            List<String> graded = awaitAGradedRow(command, csv);
            List<ProcessHandle> children = command.descendants().toList();

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(command.pid()))
                    .inheritIO()
                    .start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0)
                    .as("kill -INT")
                    .isTrue();

            assertThat(command.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS))
                    .as("ended on SIGINT")
                    .isTrue();
            // 128 + 2: ended by SIGINT, not by grading everyone
            assertThat(command.exitValue())
                    .as(Files.readString(temp.resolve("err.txt")))
                    .isEqualTo(130);
            assertThat(children).as("its children, after it ended").noneMatch(ProcessHandle::isAlive);
            try (Stream<Path> left = Files.list(tmp)) {
                assertThat(left.toList()).as("its temporary folders").isEmpty();
            }
            List<String> rows = Files.readAllLines(csv);
            assertThat(rows.get(0)).isEqualTo("student,total,max,echocaps,status,reason");
            assertThat(rows).containsAll(graded);
        } finally {
            command.descendants().forEach(ProcessHandle::destroyForcibly);
            command.destroyForcibly();
        }
    }

    /** Waits until the gradebook holds a graded row, and returns its graded rows then. */
    private static List<String> awaitAGradedRow(Process command, Path csv) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ROW_WITHIN_SECONDS);
        while (System.nanoTime() < deadline) {
            List<String> graded = Files.exists(csv)
                    ? Files.readAllLines(csv).stream()
                            .filter(row -> row.endsWith(",graded,"))
                            .toList()
                    : List.of();
            if (!graded.isEmpty()) {
                assertThat(command.isAlive()).as("still grading the others").isTrue();
                return graded;
            }
            assertThat(command.isAlive()).as("grading, before any row").isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no graded row within " + ROW_WITHIN_SECONDS + " s");
    }
}
