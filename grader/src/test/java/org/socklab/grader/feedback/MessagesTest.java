package org.socklab.grader.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socklab.grader.Exercise;
import org.socklab.grader.policy.PolicyFeedback;

/**
 * Every message exists in both languages, key by key, with the same placeholders, and renders with
 * nothing left over; every hint is short.
 */
class MessagesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final int MAX_HINT_WORDS = 40;

    static Stream<MessageBundle> bundles() {
        List<MessageBundle> bundles = new ArrayList<>();
        bundles.add(CoreFeedback.MESSAGES);
        bundles.add(PolicyFeedback.MESSAGES);
        for (Exercise exercise : Exercise.values()) {
            MessageBundle messages = exercise.messages();
            if (!messages.keys(Language.ENGLISH).isEmpty()
                    || !messages.keys(Language.PORTUGUESE).isEmpty()) {
                bundles.add(messages);
            }
        }
        return bundles.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void should_have_every_key_in_both_languages(MessageBundle bundle) {
        assertThat(bundle.keys(Language.PORTUGUESE))
                .as("keys of %s in Portuguese", bundle)
                .containsExactlyElementsOf(bundle.keys(Language.ENGLISH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void should_use_the_same_placeholders_in_both_languages(MessageBundle bundle) {
        for (String key : bundle.keys(Language.ENGLISH)) {
            assertThat(placeholders(bundle.pattern(key, Language.PORTUGUESE)))
                    .as("placeholders of %s in %s", key, bundle)
                    .isEqualTo(placeholders(bundle.pattern(key, Language.ENGLISH)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void should_parse_every_message_in_both_languages(MessageBundle bundle) {
        for (Language language : Language.values()) {
            for (String key : bundle.keys(language)) {
                assertThatCode(() -> new MessageFormat(bundle.pattern(key, language), language.locale()))
                        .as("%s in %s (%s)", key, bundle, language)
                        .doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void should_render_every_key_in_both_languages_with_no_placeholder_left(MessageBundle bundle) {
        for (Language language : Language.values()) {
            for (String key : bundle.keys(Language.ENGLISH)) {
                assertThat(bundle.has(key, language))
                        .as("%s of %s in %s", key, bundle, language)
                        .isTrue();
                String rendered = Feedback.of(bundle, key, sampleArguments(bundle.pattern(key, language)))
                        .render(language);
                assertThat(rendered)
                        .as("%s of %s in %s", key, bundle, language)
                        .isNotBlank()
                        .doesNotContainPattern("\\{\\d")
                        .doesNotContain("''");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundles")
    void should_keep_every_hint_within_about_forty_words_in_both_languages(MessageBundle bundle) {
        for (Language language : Language.values()) {
            for (String key : bundle.keys(language)) {
                if (key.endsWith(".hint")) {
                    assertThat(bundle.pattern(key, language).split("\\s+"))
                            .as("words of %s of %s in %s: %s", key, bundle, language, bundle.pattern(key, language))
                            .hasSizeLessThanOrEqualTo(MAX_HINT_WORDS);
                }
            }
        }
    }

    /** A number for every placeholder: it formats under any format type, text or number. */
    private static Object[] sampleArguments(String pattern) {
        int count =
                placeholders(pattern).stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
        Object[] arguments = new Object[count];
        java.util.Arrays.fill(arguments, 2);
        return arguments;
    }

    @Test
    void should_say_what_was_sent_and_how_long_it_waited() {
        assertThat(CoreFeedback.noReply(java.time.Duration.ofSeconds(10), "hello\n")
                        .render(Language.ENGLISH))
                .isEqualTo("no reply within 10 s after sending \"hello\\n\"");
    }

    @Test
    void should_put_expected_and_received_on_lines_of_their_own() {
        assertThat(CoreFeedback.wrongReply("hi\r\n", "HI", "HI\r").render(Language.ENGLISH))
                .isEqualTo("""
                wrong reply to "hi\\r\\n"
                expected: "HI"
                received: "HI\\r\"""");
    }

    @Test
    void should_tell_where_a_missing_class_belongs() {
        assertThat(CoreFeedback.classMissing("lab.echocaps.EchoCapsServer").render(Language.ENGLISH))
                .isEqualTo(
                        "class lab.echocaps.EchoCapsServer not found: is it in src/main/java/lab/echocaps/EchoCapsServer.java, with the right package line?");
    }

    @Test
    void should_tell_how_to_stop_when_serve_will_not_return() {
        assertThat(CoreFeedback.serverWouldNotStop(java.time.Duration.ofSeconds(5))
                        .render(Language.PORTUGUESE))
                .startsWith("serve não retornou em 5 s depois que o listener foi fechado");
    }

    @Test
    void should_shorten_long_text_and_show_control_characters() {
        assertThat(Shown.text("a".repeat(100)).render(Language.ENGLISH))
                .isEqualTo("\"" + "a".repeat(60) + "\"... (100 chars)");
        assertThat(Shown.text("tab\tcr\r\u0000").render(Language.ENGLISH)).isEqualTo("\"tab\\tcr\\r\\u0000\"");
    }

    @Test
    void should_say_the_words_around_shown_text_in_the_reports_language() {
        assertThat(Shown.text("a".repeat(100)).render(Language.PORTUGUESE))
                .isEqualTo("\"" + "a".repeat(60) + "\"... (100 caracteres)");
        assertThat(Shown.text(null).render(Language.PORTUGUESE)).isEqualTo("(nada)");
        assertThat(Shown.joined(java.util.List.of(Shown.text("a"), Shown.text("b"), Shown.text("c")))
                        .render(Language.ENGLISH))
                .isEqualTo("\"a\", \"b\", \"c\"");
    }

    @Test
    void should_choose_portuguese_for_any_portuguese_locale() {
        assertThat(Language.of(Locale.forLanguageTag("pt-BR"))).isEqualTo(Language.PORTUGUESE);
        assertThat(Language.of(Locale.forLanguageTag("pt-PT"))).isEqualTo(Language.PORTUGUESE);
        assertThat(Language.of(Locale.FRANCE)).isEqualTo(Language.ENGLISH);
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(pattern);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return Collections.unmodifiableSet(found);
    }
}
