package org.socklab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socklab experiment}'s smaller runs, its other language, and what it refuses before any work. */
class ExperimentOptionsTest {
    @TempDir
    Path temp;

    @Test
    void should_print_the_table_in_portuguese_with_lang_pt() {
        Runs.Run run = Runs.experiment(
                "http", "--clients", "1,2", "--requests", "5", "--out", temp.toString(), "--lang", "pt");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "servidor",
                        "clientes",
                        "concluídas",
                        "média ms",
                        "mediana ms",
                        "requisições/s",
                        "Gravados: experiment.csv, experiment.svg")
                .containsPattern("(?m)^reference +2 +10/10 ")
                .containsPattern(
                        "Com 2 clientes simultâneos, o tempo médio de resposta de reference foi [0-9,]+ vezes");
    }

    @Test
    void should_say_that_a_case_ran_out_of_time_instead_of_hanging() throws IOException {
        Runs.Run run = Runs.experiment(
                "http",
                "--clients",
                "1",
                "--requests",
                "5",
                "--hold",
                "1000",
                "--case-timeout",
                "1",
                "--out",
                temp.toString(),
                "--lang",
                "en");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^reference +1 +[01]/5 .*ran out of time \\(1 s per case\\)");
        assertThat(Files.readAllLines(temp.resolve(Outputs.CSV)).get(1)).contains(",true,");
    }

    @Test
    void should_refuse_an_exercise_without_an_experiment_in_one_line() {
        Runs.Run run = Runs.experiment("chat", "--lang", "en");

        assertThat(run.status()).isEqualTo(ExperimentCommand.USAGE);
        assertThat(run.err()).isEqualTo("socklab: no experiment for chat (known: http)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void should_refuse_a_number_of_clients_out_of_bounds_in_one_line() {
        Runs.Run run = Runs.experiment("http", "--clients", "1,0", "--lang", "en");

        assertThat(run.status()).isEqualTo(ExperimentCommand.USAGE);
        assertThat(run.err()).isEqualTo("socklab: --clients must be between 1 and 200, not 0\n");
    }

    @Test
    void should_refuse_an_option_it_does_not_know_in_one_line() {
        Runs.Run run = Runs.experiment("http", "--clientz", "3");

        assertThat(run.status()).isEqualTo(ExperimentCommand.USAGE);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("socklab: Unknown option");
    }

    @Test
    void should_refuse_a_folder_that_is_not_a_submission_in_one_line() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Runs.Run run = Runs.experiment("http", empty.toString(), "--lang", "en");

        assertThat(run.status()).isEqualTo(ExperimentCommand.FAILED);
        assertThat(run.err()).isEqualTo("socklab: not a socklab template: " + empty + " has no src/main/java/lab\n");
    }

    @Test
    void should_say_why_a_server_that_answers_nothing_cannot_be_measured_in_one_line() {
        Path stub = Path.of(System.getProperty("socklab.repository"), "student-template");

        Runs.Run run =
                Runs.experiment("http", stub.toString(), "--clients", "1", "--out", temp.toString(), "--lang", "en");

        assertThat(run.status()).isEqualTo(ExperimentCommand.FAILED);
        assertThat(run.err())
                .isEqualTo("socklab: the server could not be measured: not implemented yet: "
                        + "lab.http.HelloHttpServer.serve still throws UnsupportedOperationException\n");
    }

    @Test
    void should_refuse_a_submission_that_does_not_compile_in_one_line() throws IOException {
        Path broken = temp.resolve("broken");
        Files.createDirectories(broken.resolve("src/main/java/lab/http"));
        Files.writeString(broken.resolve("src/main/java/lab/http/HelloHttpServer.java"), "package lab.http; class {");

        Runs.Run run = Runs.experiment("http", broken.toString(), "--lang", "en");

        assertThat(run.status()).isEqualTo(ExperimentCommand.FAILED);
        assertThat(run.err())
                .startsWith("socklab: the submission does not compile: ")
                .contains("HelloHttpServer.java")
                .hasLineCount(1);
    }
}
