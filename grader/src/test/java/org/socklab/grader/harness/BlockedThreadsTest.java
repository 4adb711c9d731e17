package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which system calls, read from {@code /proc/.../syscall} on x86-64, are waits only others can end. */
class BlockedThreadsTest {
    @BeforeEach
    void onX8664() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        assumeTrue(arch.equals("amd64") || arch.equals("x86_64"), "the numbers below are x86-64's");
    }

    @Test
    void should_call_a_blocking_read_or_accept_blocked() {
        assertThat(BlockedThreads.blocked("0 0x5 0x7f00 0x2000 0x0 0x0 0x0 0x7ffd 0x7f37"))
                .isTrue();
        assertThat(BlockedThreads.blocked("43 0x4 0x7f00 0x7f08 0x0 0x0 0x0 0x7ffd 0x7f37"))
                .isTrue();
    }

    @Test
    void should_call_a_lock_or_condition_waited_on_without_timeout_blocked_and_with_one_not() {
        // futex(addr, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG, val, timeout, ...)
        assertThat(BlockedThreads.blocked("202 0x7f00 0x89 0x0 0x0 0x0 0xffffffff 0x7ffd 0x7f37"))
                .isTrue();
        assertThat(BlockedThreads.blocked("202 0x7f00 0x89 0x0 0x7f10 0x0 0xffffffff 0x7ffd 0x7f37"))
                .isFalse();
    }

    @Test
    void should_call_a_poll_blocked_only_without_timeout() {
        assertThat(BlockedThreads.blocked("7 0x7f00 0x1 0xffffffffffffffff 0x0 0x0 0x0 0x7ffd 0x7f37"))
                .isTrue();
        assertThat(BlockedThreads.blocked("7 0x7f00 0x1 0x3e8 0x0 0x0 0x0 0x7ffd 0x7f37"))
                .isFalse();
    }

    @Test
    void should_not_call_a_running_sleeping_or_writing_thread_blocked() {
        assertThat(BlockedThreads.blocked("running")).isFalse();
        assertThat(BlockedThreads.blocked("-1 0x7ffd 0x7f37")).isFalse();
        assertThat(BlockedThreads.blocked("230 0x0 0x0 0x7ffd4 0x7ffd5 0x0 0x0 0x7ffd 0x7f37"))
                .isFalse();
        assertThat(BlockedThreads.blocked("1 0x5 0x7f00 0x2000 0x0 0x0 0x0 0x7ffd 0x7f37"))
                .isFalse();
    }
}
