package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.CoreFeedback;
import org.socklab.grader.feedback.Language;

/** What the sandbox hook makes of a student JVM's command line, and what a sandboxed child is. */
class SandboxTest {
    private static final List<String> JAVA = List.of("java", "-cp", "x", "Main");
    private static final Sandbox BWRAP = new Sandbox(Sandbox.Kind.BWRAP, Sandbox.Limits.DEFAULT);

    @Test
    void should_leave_the_command_as_it_is_without_a_sandbox() {
        assertThat(Sandbox.NONE.wrap(JAVA)).isEqualTo(JAVA);
        assertThat(Sandbox.of(Optional.empty())).isEqualTo(Sandbox.NONE);
    }

    @Test
    void should_run_the_command_last_in_a_pid_namespace_of_its_own_that_shares_the_graders_network() {
        List<String> wrapped = BWRAP.wrap(JAVA);

        assertThat(wrapped.subList(wrapped.size() - JAVA.size(), wrapped.size()))
                .isEqualTo(JAVA);
        assertThat(wrapped)
                .startsWith("prlimit")
                .contains("bwrap", "--unshare-pid", "--die-with-parent", "--new-session", "--clearenv", "--tmpfs")
                .doesNotContain("--unshare-net", "--unshare-all", "--bind");
    }

    @Test
    void should_tell_the_cpu_limit_from_an_exit_of_the_students_own() {
        assertThat(BWRAP.exitReason(128 + 24))
                .contains(CoreFeedback.processOutOfCpu(Sandbox.Limits.DEFAULT.cpuSeconds()));
        assertThat(BWRAP.exitReason(3)).isEmpty();
        assertThat(Sandbox.NONE.exitReason(128 + 24)).isEmpty();
    }

    @Test
    void should_say_in_one_line_how_student_code_ran() {
        Containment none = Containment.none(CoreFeedback.sandboxMissing("bwrap"));

        assertThat(none.line().render(Language.ENGLISH))
                .isEqualTo("sandbox: none, bwrap not found; student code ran as your user");
        assertThat(none.line().render(Language.PORTUGUESE)).startsWith("sandbox: nenhum, bwrap não encontrado");
    }

    @Test
    void should_watch_the_jvm_inside_the_sandbox_and_end_every_process_of_it_when_killed() {
        Containment containment = Containment.detect();
        assumeTrue(containment.sandboxed(), () -> containment.line().render(Language.ENGLISH));
        try (Watchdog watchdog = new Watchdog()) {
            ChildJvm child = ChildJvm.start(
                    Exercise.ECHOCAPS,
                    List.of(),
                    ChildOutput.discarded(),
                    new ExerciseLedger(),
                    watchdog,
                    containment.sandbox());
            watchAndKill(child);
        }
    }

    private static void watchAndKill(ChildJvm child) {
        ProcessHandle jvm = ProcessHandle.of(child.pid()).orElseThrow();
        try {
            assertThat(jvm.info().command())
                    .hasValueSatisfying(command -> assertThat(command).endsWith("java"));

            child.kill(CoreFeedback.serverWouldNotStop(Duration.ofSeconds(5)));

            await().atMost(Duration.ofSeconds(10)).until(() -> !jvm.isAlive());
        } finally {
            child.close();
        }
    }
}
