package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;

/** A child JVM's life as the runs that reuse it see it. */
class ChildJvmTest {

    @Test
    void should_not_be_reused_once_killed_even_before_its_process_is_gone() {
        try (Watchdog watchdog = new Watchdog()) {
            ChildJvm child = ChildJvm.start(
                    Exercise.ECHOCAPS,
                    List.of(),
                    ChildOutput.discarded(),
                    new ExerciseLedger(),
                    watchdog,
                    Sandbox.NONE);
            try {
                assertThat(child.alive()).isTrue();

                child.kill(CoreFeedback.serverWouldNotStop(Duration.ofSeconds(5)));

                assertThat(child.alive()).isFalse();
            } finally {
                child.close();
            }
        }
    }

    @Test
    void should_answer_a_round_trip_on_its_control_channel_and_end_when_closed() throws InterruptedException {
        try (Watchdog watchdog = new Watchdog()) {
            ChildJvm child = ChildJvm.start(
                    Exercise.ECHOCAPS,
                    List.of(),
                    ChildOutput.discarded(),
                    new ExerciseLedger(),
                    watchdog,
                    Sandbox.NONE);
            child.sync();
            assertThat(child.alive()).isTrue();

            child.close();

            assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
        }
    }
}
