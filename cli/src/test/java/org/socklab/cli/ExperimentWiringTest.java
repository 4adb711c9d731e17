package org.socklab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code socklab experiment} reached through the {@code socklab} command line. */
class ExperimentWiringTest {
    @TempDir
    Path temp;

    @Test
    void should_run_the_experiment_as_a_command_of_socklab() {
        Submissions.Run run = Submissions.socklab(
                "experiment", "http", "--clients", "1", "--requests", "5", "--out", temp.toString(), "--lang", "en");

        assertThat(run.status()).as(run.err()).isEqualTo(Cli.OK);
        assertThat(run.out()).containsPattern("(?m)^reference +1 +5/5 ");
        assertThat(temp.resolve("experiment.csv"))
                .satisfies(csv -> assertThat(Files.exists(csv)).isTrue());
    }

    @Test
    void should_list_the_experiment_among_the_commands_on_help() {
        Submissions.Run run = Submissions.socklab("--help");

        assertThat(run.out()).contains("experiment");
    }

    @Test
    void should_refuse_an_unknown_option_of_the_experiment_in_one_line() {
        Submissions.Run run = Submissions.socklab("experiment", "http", "--clientz", "3");

        assertThat(run.status()).isEqualTo(Cli.USAGE);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .startsWith("socklab: Unknown option: '--clientz'")
                .contains("did you mean --clients");
    }
}
