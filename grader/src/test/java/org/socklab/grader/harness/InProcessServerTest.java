package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.feedback.Language;

/** The harness against small servers with known behaviour, written here as static methods. */
class InProcessServerTest {
    private InProcessServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (GradedFailure ignored) {
                // the tests below that expect it have checked it already
            }
        }
    }

    private InProcessServer start(String serveMethod) throws NoSuchMethodException {
        Method serve = InProcessServerTest.class.getDeclaredMethod(serveMethod, ServerSocket.class);
        server = InProcessServer.start(Exercise.ECHOCAPS, serve, List.of());
        return server;
    }

    @Test
    void should_say_not_implemented_when_serve_still_throws_unsupported_operation() throws Exception {
        start("notImplemented");

        assertThatThrownBy(() -> server.connect().sendLine("hello").readLine())
                .isInstanceOfSatisfying(
                        GradedFailure.class,
                        failure -> assertThat(failure.observation().render(Language.ENGLISH))
                                .isEqualTo(
                                        "not implemented yet: lab.echocaps.EchoCapsServer.serve still throws UnsupportedOperationException"));
    }

    @Test
    void should_report_the_exception_that_killed_serve() throws Exception {
        start("crashesOnFirstClient");

        assertThatThrownBy(() -> server.connect().sendLine("hello").readLine())
                .isInstanceOfSatisfying(
                        GradedFailure.class,
                        failure -> assertThat(failure.observation().render(Language.ENGLISH))
                                .startsWith("serve stopped with java.lang.IllegalStateException: boom"));
    }

    @Test
    void should_fail_a_serve_that_does_not_return_after_the_listener_is_closed() throws Exception {
        start("ignoresTheClosedListener");

        assertThatThrownBy(server::stop)
                .isInstanceOfSatisfying(
                        GradedFailure.class,
                        failure -> assertThat(failure.observation().render(Language.ENGLISH))
                                .startsWith("serve did not return within 5 s after the listener was closed"));
    }

    @Test
    void should_stop_a_well_behaved_server_quietly() throws Exception {
        start("echoes");
        try (LineClient client = server.connect()) {
            client.sendLine("hi").expectLine("hi");
        }

        server.stop();

        assertThat(server.diagnosis()).isEmpty();
    }

    @Test
    void should_count_the_threads_a_server_starts_and_see_them_idle() throws Exception {
        start("startsThreeWaitingThreads");

        Waits.eventually(
                CoreFeedback.text("three handler threads and the accept loop are alive"),
                () -> assertThat(server.probe().liveThreads()).isEqualTo(4));
        Duration before = server.probe().cpuTime();
        Waits.never(
                CoreFeedback.text("the waiting threads burn no CPU"),
                Duration.ofMillis(300),
                () -> assertThat(server.probe().cpuTime().minus(before)).isLessThan(Duration.ofMillis(100)));
    }

    @Test
    void should_show_what_each_server_thread_is_doing() throws Exception {
        start("startsThreeWaitingThreads");

        Waits.eventually(
                CoreFeedback.text("three waiting threads and the accept loop show their stacks"),
                () -> assertThat(server.probe().threads().orElseThrow())
                        .hasSize(4)
                        .filteredOn(thread -> thread.stack().stream()
                                .anyMatch(frame -> frame.getMethodName().equals("await")))
                        .hasSize(3));
    }

    @Test
    void should_keep_a_stray_carriage_return_visible_in_a_reply() throws Exception {
        start("echoes");
        try (LineClient client = server.connect()) {
            client.send("windows\r\n");

            assertThatThrownBy(() -> client.expectLine("windows"))
                    .isInstanceOfSatisfying(
                            GradedFailure.class,
                            failure -> assertThat(failure.observation().render(Language.ENGLISH))
                                    .isEqualTo(
                                            "wrong reply to \"windows\\r\\n\"\nexpected: \"windows\"\nreceived: \"windows\\r\""));
        }
    }

    @Test
    void should_say_how_long_it_waited_for_a_reply_that_never_came() throws Exception {
        start("echoes");
        try (LineClient client = server.connect()) {
            client.send("no newline");

            assertThatThrownBy(() -> client.readLine(Duration.ofMillis(200)))
                    .isInstanceOfSatisfying(
                            GradedFailure.class,
                            failure -> assertThat(failure.observation().render(Language.ENGLISH))
                                    .isEqualTo("no reply within 0 s after sending \"no newline\""));
        }
    }

    @Test
    void should_see_nothing_arrive_within_a_window_when_the_server_is_silent() throws Exception {
        start("echoes");
        try (LineClient client = server.connect()) {
            client.send("no newline");

            assertThat(client.lineWithin(Duration.ofMillis(200))).isEmpty();
            client.sendLine(" yet").expectLine("no newline yet");
        }
    }

    @Test
    void should_know_the_port_by_which_the_server_sees_the_client() throws Exception {
        start("tellsThePeerItsPort");
        try (LineClient client = server.connect()) {
            client.expectLine(String.valueOf(client.localPort()));
        }
    }

    // --- servers -------------------------------------------------------------------------------

    static void notImplemented(ServerSocket listener) {
        throw new UnsupportedOperationException("exercise 1 (echocaps): not implemented yet");
    }

    static void crashesOnFirstClient(ServerSocket listener) throws IOException {
        listener.accept();
        throw new IllegalStateException("boom");
    }

    static void ignoresTheClosedListener(ServerSocket listener) throws InterruptedException {
        new CountDownLatch(1).await();
    }

    static void echoes(ServerSocket listener) throws IOException {
        while (true) {
            try (Socket client = listener.accept()) {
                OutputStream out = client.getOutputStream();
                byte[] line = new byte[1 << 16];
                int length = 0;
                int b;
                while ((b = client.getInputStream().read()) != -1) {
                    if (b == '\n') {
                        out.write(new String(line, 0, length, StandardCharsets.UTF_8)
                                .concat("\n")
                                .getBytes(StandardCharsets.UTF_8));
                        length = 0;
                    } else {
                        line[length++] = (byte) b;
                    }
                }
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    static void tellsThePeerItsPort(ServerSocket listener) throws IOException {
        while (true) {
            try (Socket client = listener.accept()) {
                client.getOutputStream().write((client.getPort() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    static void startsThreeWaitingThreads(ServerSocket listener) throws IOException, InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            Thread waiting = new Thread(() -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting.setDaemon(true);
            waiting.start();
        }
        try {
            listener.accept().close();
        } catch (IOException e) {
            // closed: done
        }
    }
}
