package org.socklab.cli.grading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.socklab.grader.feedback.Language;

/** Official grading's notices say the same things in English and in Portuguese. */
class GradingMessagesTest {

    @Test
    void should_have_every_key_in_english_and_in_portuguese_with_the_same_placeholders() {
        assertThat(ByteOrderMarks.MESSAGES.keys(Language.PORTUGUESE))
                .isEqualTo(ByteOrderMarks.MESSAGES.keys(Language.ENGLISH))
                .isNotEmpty();
        for (String key : ByteOrderMarks.MESSAGES.keys(Language.ENGLISH)) {
            assertThat(ByteOrderMarks.MESSAGES.pattern(key, Language.PORTUGUESE).replaceAll("[^{}0-9]", ""))
                    .as(key)
                    .isEqualTo(ByteOrderMarks.MESSAGES
                            .pattern(key, Language.ENGLISH)
                            .replaceAll("[^{}0-9]", ""));
        }
    }
}
