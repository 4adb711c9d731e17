package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socklab.cli.report.Reports;

/**
 * What a student's own machine brings to official grading: a folder named with spaces and accents,
 * sources saved with CRLF or "UTF-8 with BOM", and a console that is not UTF-8.
 */
class StudentMachinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset CP850 = Charset.forName("Cp850");
    private static final String ECHOCAPS = "src/main/java/lab/echocaps/EchoCapsServer.java";

    @TempDir
    Path temp;

    @Test
    void should_give_the_reference_full_marks_from_a_folder_with_spaces_and_accents_with_crlf_sources_and_a_bom()
            throws IOException {
        Path submission = Submissions.reference(temp.resolve("lab 1").resolve("João Silva"));
        try (Stream<Path> files = Files.walk(submission.resolve("src/main/java"))) {
            for (Path file :
                    files.filter(file -> file.toString().endsWith(".java")).toList()) {
                Files.writeString(
                        file, Files.readString(file).replace("\r\n", "\n").replace("\n", "\r\n"));
            }
        }
        Path bom = submission.resolve(ECHOCAPS);
        byte[] saved = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(bom));
        Files.write(bom, saved);

        Submissions.Run run =
                Submissions.socklab("grade", submission.toString(), "--lang", "en", "--exercises", "echocaps");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode score = JSON.readTree(
                submission.resolve("target/socklab").resolve(Reports.SCORE).toFile());
        assertThat(score.get("total").asInt())
                .isPositive()
                .isEqualTo(score.get("max").asInt());
        String notice = ECHOCAPS + " began with a byte order mark (BOM); it was removed before compiling:"
                + " save the file as UTF-8 without BOM";
        assertThat(run.out()).contains(notice);
        assertThat(Files.readString(submission.resolve("target/socklab").resolve(Reports.GRADESCOPE)))
                .contains(notice);
        assertThat(Files.readString(submission.resolve("target/socklab").resolve(Reports.SUMMARY)))
                .contains("src/main/java/lab/echocaps/EchoCapsServer.java began with a byte order mark (BOM)");
        assertThat(Files.readAllBytes(bom))
                .as("the submission itself is never rewritten")
                .isEqualTo(saved);
    }

    @Test
    void should_print_the_portuguese_table_on_a_cp850_console_with_its_accents_and_no_mojibake() throws Exception {
        Path submission = Submissions.reference(temp.resolve("lab 1").resolve("João Silva"));
        Submissions.copy(
                Submissions.REPOSITORY.resolve("fixtures/echocaps/bug-keeps-carriage-return/src"),
                submission.resolve("src"));
        Path out = temp.resolve("reports");

        Child child = socklabOnCp850Console(
                "grade", submission.toString(), "--out", out.toString(), "--lang", "pt", "--exercises", "echocaps");

        assertThat(child.status()).as(child.err()).isZero();
        JsonNode score = JSON.readTree(out.resolve(Reports.SCORE).toFile());
        List<String> expected = new ArrayList<>();
        for (JsonNode test : score.get("exercises").get(0).get("tests")) {
            expected.add(test.get("name").asText());
            test.get("feedback").asText().lines().forEach(expected::add);
        }
        assertThat(score.get("total").asInt()).isLessThan(score.get("max").asInt());
        assertThat(expected)
                .as("feedback with accents, or this test proves nothing")
                .anySatisfy(line -> assertThat(line).matches(".*[ãçéáóúíõêâàô].*"));
        assertThat(child.out()).doesNotContain("\uFFFD").doesNotContain("├").contains(expected);
    }

    @Test
    void should_degrade_what_the_console_cannot_show_to_plain_letters_never_to_a_question_mark() {
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        ByteArrayOutputStream cp850 = new ByteArrayOutputStream();

        try (PrintStream console = ConsoleStream.in(ascii, StandardCharsets.US_ASCII)) {
            console.print("ação é útil … ");
            console.write(new byte[] {(byte) 0xC3}, 0, 1); // a character split across two writes
            console.write(new byte[] {(byte) 0xA7}, 0, 1);
            console.println();
        }
        try (PrintStream console = ConsoleStream.in(cp850, CP850)) {
            console.println("ação é útil, Ça");
        }

        assertThat(ascii.toString(StandardCharsets.US_ASCII)).isEqualTo("acao e util ... c" + System.lineSeparator());
        assertThat(cp850.toString(CP850)).isEqualTo("ação é útil, Ça" + System.lineSeparator());
    }

    private record Child(int status, String out, String err) {}

    /** The command in a JVM of its own whose console is cp850, as a Windows console's is (JDK 17 and 18+). */
    private Child socklabOnCp850Console(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.stdout.encoding=Cp850",
                "-Dsun.stderr.encoding=Cp850",
                "-Dstdout.encoding=Cp850",
                "-Dstderr.encoding=Cp850",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        File out = temp.resolve("stdout").toFile();
        File err = temp.resolve("stderr").toFile();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("socklab did not end within 2 minutes");
        }
        return new Child(
                process.exitValue(), Files.readString(out.toPath(), CP850), Files.readString(err.toPath(), CP850));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
