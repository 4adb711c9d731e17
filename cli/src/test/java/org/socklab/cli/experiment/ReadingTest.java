package org.socklab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.socklab.grader.feedback.Language;

/** The paragraph that reads a comparison, on figures made up for the purpose. */
class ReadingTest {
    @Test
    void should_say_how_many_times_each_mean_grew_and_why_for_a_threaded_server() {
        List<CaseResult> results = List.of(
                result(Server.SEQUENTIAL_BASELINE, 1, 5.0), result(Server.SEQUENTIAL_BASELINE, 10, 48.0),
                result(Server.SUBMISSION, 1, 5.0), result(Server.SUBMISSION, 10, 6.0));

        assertThat(read(results, Language.ENGLISH))
                .isEqualTo("With 10 clients at once, the sequential baseline's mean "
                        + "response time grew 9.6 times from its mean with 1 client; that of alice grew 1.2 times. The "
                        + "sequential server reads one request at a time, so each client also waits for every request ahead "
                        + "of it; the other gives each connection its own thread, so the requests are waited for side by "
                        + "side.");
        assertThat(read(results, Language.PORTUGUESE))
                .startsWith("Com 10 clientes simultâneos, o tempo médio de "
                        + "resposta da base sequencial cresceu 9,6 vezes em relação à média com 1 cliente; o de alice cresceu "
                        + "1,2 vezes.");
    }

    @Test
    void should_say_when_the_submission_slowed_down_like_the_sequential_server() {
        List<CaseResult> results = List.of(
                result(Server.SEQUENTIAL_BASELINE, 1, 5.0), result(Server.SEQUENTIAL_BASELINE, 10, 48.0),
                result(Server.SUBMISSION, 1, 5.0), result(Server.SUBMISSION, 10, 47.0));

        assertThat(read(results, Language.ENGLISH))
                .endsWith("alice slowed down like the sequential server: it seems "
                        + "to serve one connection at a time. Give each connection its own thread.");
    }

    private static String read(List<CaseResult> results, Language language) {
        return Reading.of(results, "alice").stream()
                .map(sentence -> sentence.render(language))
                .collect(Collectors.joining(" "));
    }

    private static CaseResult result(Server server, int clients, double mean) {
        return new CaseResult(
                server,
                clients,
                100 * clients,
                100 * clients,
                0,
                false,
                Duration.ofSeconds(60),
                Duration.ofSeconds(1),
                mean,
                mean,
                mean,
                mean,
                mean);
    }
}
