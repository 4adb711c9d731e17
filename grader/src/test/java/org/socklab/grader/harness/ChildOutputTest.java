package org.socklab.grader.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a student's code prints reaches the log as data: no raw control character gets through. */
class ChildOutputTest {

    @Test
    void should_escape_terminal_escape_sequences_and_other_control_characters() {
        assertThat(ChildOutput.escaped("\u001b[2J\u001b]0;title\u0007ok\r\u009b"))
                .isEqualTo("\\u001b[2J\\u001b]0;title\\u0007ok\\u000d\\u009b");
    }

    @Test
    void should_leave_ordinary_text_and_tabs_as_they_are() {
        assertThat(ChildOutput.escaped("ação\té útil")).isEqualTo("ação\té útil");
    }
}
