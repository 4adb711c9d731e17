package org.socklab.grader.feedback;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages socklab speaks to students: English, and Brazilian Portuguese for the course's
 * students.
 *
 * <p>Not a global: the edge that prints a report (the command, the listener of a student's
 * {@code mvn test}) chooses one, from {@value #PROPERTY} or the user's locale, and passes it to
 * whatever renders. Immutable and thread-safe.
 */
public enum Language {
    ENGLISH(Locale.ENGLISH, ""),
    PORTUGUESE(Locale.forLanguageTag("pt-BR"), "_pt_BR");

    /** The name of the setting (a system property, a JUnit configuration parameter) that chooses a language. */
    public static final String PROPERTY = "socklab.lang";

    private final Locale locale;
    private final String bundleSuffix;

    Language(Locale locale, String bundleSuffix) {
        this.locale = locale;
        this.bundleSuffix = bundleSuffix;
    }

    public Locale locale() {
        return locale;
    }

    String bundleSuffix() {
        return bundleSuffix;
    }

    /**
     * The language a user asked for: {@code en} or {@code pt} ({@code pt-BR}, {@code pt_BR} and any
     * case also work); empty for anything else, so that the caller can refuse it in one line.
     */
    public static Optional<Language> parse(String asked) {
        Locale locale = Locale.forLanguageTag(asked.strip().replace('_', '-'));
        return switch (locale.getLanguage()) {
            case "en" -> Optional.of(ENGLISH);
            case "pt" -> Optional.of(PORTUGUESE);
            default -> Optional.empty();
        };
    }

    /**
     * The language the environment asks for: {@value #PROPERTY} if set (unknown values are
     * English), else the user's locale. Only an edge calls it, once, before anything renders.
     */
    public static Language fromEnvironment() {
        String asked = System.getProperty(PROPERTY, "");
        return asked.isBlank() ? of(Locale.getDefault()) : parse(asked).orElse(ENGLISH);
    }

    /** Portuguese for any Portuguese locale, English for everything else. */
    public static Language of(Locale locale) {
        return "pt".equals(locale.getLanguage()) ? PORTUGUESE : ENGLISH;
    }
}
