package org.socklab.grader.feedback;

import java.util.Locale;

/**
 * The languages socklab speaks to students: English, and Brazilian Portuguese for the course's
 * students.
 *
 * <p>The language is chosen per call from the system property {@code socklab.lang} ({@code en} or
 * {@code pt}, {@code pt-BR} also works) or else from the user's locale, so that a test may pin one
 * without changing anything global. Immutable and thread-safe.
 */
public enum Language {
    ENGLISH(Locale.ENGLISH, ""),
    PORTUGUESE(Locale.forLanguageTag("pt-BR"), "_pt_BR");

    /** The system property that overrides the user's locale. */
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

    /** The language asked for by {@value #PROPERTY}, or else the one of the user's locale. */
    public static Language current() {
        String asked = System.getProperty(PROPERTY, "");
        if (!asked.isBlank()) {
            return of(Locale.forLanguageTag(asked.strip().replace('_', '-')));
        }
        return of(Locale.getDefault());
    }

    /** Portuguese for any Portuguese locale, English for everything else. */
    public static Language of(Locale locale) {
        return "pt".equals(locale.getLanguage()) ? PORTUGUESE : ENGLISH;
    }
}
