package org.socklab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code socklab experiment http --compare} end to end on the bundled reference: one run, shared by
 * the tests that read it (the experiment takes seconds: the sequential baseline pays every hold).
 */
class ExperimentCommandTest {
    private static final int REQUESTS = 20;
    private static final int HOLD_MILLIS = 5;

    @TempDir
    static Path temp;

    private static Runs.Run run;
    private static Path out;

    @BeforeAll
    static void runTheExperimentOnTheReference() {
        out = temp.resolve("figures");
        run = Runs.experiment(
                "http",
                "--compare",
                "--requests",
                Integer.toString(REQUESTS),
                "--hold",
                Integer.toString(HOLD_MILLIS),
                "--out",
                out.toString(),
                "--lang",
                "en");
    }

    @Test
    void should_print_the_four_cases_of_both_servers_in_one_table() {
        assertThat(run.status()).as(run.err()).isZero();
        for (String server : List.of("sequential baseline", "reference")) {
            for (int clients : List.of(1, 2, 5, 10)) {
                assertThat(run.out())
                        .as(run.out())
                        .containsPattern("(?m)^" + server + " +" + clients + " +" + clients * REQUESTS + "/"
                                + clients * REQUESTS + " ");
            }
        }
        assertThat(run.out())
                .contains("server", "clients", "completed", "mean ms", "median ms", "p90 ms", "p99 ms", "requests/s");
    }

    @Test
    void should_read_the_result_in_plain_words() {
        assertThat(run.out())
                .containsPattern("With 10 clients at once, the sequential baseline's mean response time "
                        + "grew [0-9.]+ times from its mean with 1 client; that of reference grew [0-9.]+ times\\.")
                .contains("each connection its own thread");
    }

    @Test
    void should_write_the_figures_as_csv_and_the_plot_as_svg_and_png() throws IOException {
        List<String> csv = Files.readAllLines(out.resolve(Outputs.CSV));
        assertThat(csv).hasSize(9).first().isEqualTo(CsvFile.HEADER);
        assertThat(csv.get(1)).startsWith("sequential-baseline,1," + REQUESTS + "," + REQUESTS + ",0,false,");
        assertThat(Files.readString(out.resolve(Outputs.SVG)))
                .startsWith("<svg ")
                .contains("sequential baseline")
                .endsWith("</svg>\n");
        BufferedImage png = ImageIO.read(out.resolve(Outputs.PNG).toFile());
        assertThat(png.getWidth()).isEqualTo(Chart.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Chart.HEIGHT);
        assertThat(run.out()).contains("Written: experiment.csv, experiment.svg, experiment.png in ");
    }

    /**
     * Deterministic by construction: the sequential baseline holds each request {@value #HOLD_MILLIS}
     * ms and serves one at a time, so with ten clients each request also waits for the holds of the
     * requests ahead of it (about nine of them); with one client it waits for its own only. The
     * bound asserted, four holds, leaves room for any scheduling.
     */
    @Test
    void should_find_the_sequential_baseline_slower_with_ten_clients_than_with_one() throws IOException {
        double one = mean(Files.readAllLines(out.resolve(Outputs.CSV)), "sequential-baseline", 1);
        double ten = mean(Files.readAllLines(out.resolve(Outputs.CSV)), "sequential-baseline", 10);

        assertThat(ten).isGreaterThan(one).isGreaterThanOrEqualTo(4.0 * HOLD_MILLIS);
    }

    private static double mean(List<String> csv, String server, int clients) {
        return csv.stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(cells -> cells[0].equals(server) && cells[1].equals(Integer.toString(clients)))
                .mapToDouble(cells -> Double.parseDouble(cells[6]))
                .findFirst()
                .orElseThrow();
    }
}
