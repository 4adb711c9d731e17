package org.socklab.cli.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.socklab.grader.feedback.Language;

/** The experiment's two message files say the same things. */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Test
    void should_have_every_key_in_english_and_in_portuguese() {
        assertThat(Messages.BUNDLE.keys(Language.PORTUGUESE))
                .isEqualTo(Messages.BUNDLE.keys(Language.ENGLISH))
                .isNotEmpty();
    }

    @Test
    void should_use_the_same_placeholders_in_both_languages() {
        for (String key : Messages.BUNDLE.keys(Language.ENGLISH)) {
            assertThat(placeholders(Messages.BUNDLE.pattern(key, Language.PORTUGUESE)))
                    .as(key)
                    .isEqualTo(placeholders(Messages.BUNDLE.pattern(key, Language.ENGLISH)));
        }
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
