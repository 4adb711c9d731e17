package org.socklab.grader.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * One set of messages in every {@link Language}: {@code <name>.properties} (English) and
 * {@code <name>_pt_BR.properties}, read as UTF-8 from the class path.
 *
 * <p>Deliberately not a {@link java.util.ResourceBundle}: its fallback from Portuguese to English
 * would hide a missing translation, and the project's tests must see each file as it is. A key
 * missing at run time falls back to English, then to the key itself, so a student always reads
 * something.
 *
 * <p>Immutable after construction and thread-safe.
 */
public final class MessageBundle {
    private final String name;
    private final Map<Language, Properties> texts = new EnumMap<>(Language.class);

    private MessageBundle(String name) {
        this.name = name;
        for (Language language : Language.values()) {
            texts.put(language, load(name + language.bundleSuffix() + ".properties"));
        }
    }

    /** The bundle whose English file is {@code <name>.properties}, e.g. {@code org/socklab/grader/echocaps/messages}. */
    public static MessageBundle named(String name) {
        return new MessageBundle(name);
    }

    /** The bundle {@code messages} in the package of {@code anchor}. */
    public static MessageBundle beside(Class<?> anchor) {
        return named(anchor.getPackageName().replace('.', '/') + "/messages");
    }

    public String name() {
        return name;
    }

    /** The keys present in one language's file, sorted. */
    public Set<String> keys(Language language) {
        Set<String> keys = new TreeSet<>();
        for (Object key : texts.get(language).keySet()) {
            keys.add((String) key);
        }
        return Collections.unmodifiableSet(keys);
    }

    /** Whether the key is present in one language's file. */
    public boolean has(String key, Language language) {
        return texts.get(language).containsKey(key);
    }

    /** The raw pattern for a key, with the fallbacks described above. */
    public String pattern(String key, Language language) {
        String text = texts.get(language).getProperty(key);
        if (text == null) {
            text = texts.get(Language.ENGLISH).getProperty(key, key);
        }
        return text;
    }

    /** The message for a key with its arguments filled in ({@link MessageFormat} syntax). */
    public String format(String key, Language language, List<?> arguments) {
        String pattern = pattern(key, language);
        if (arguments.isEmpty()) {
            return new MessageFormat(pattern, language.locale()).format(new Object[0]);
        }
        return new MessageFormat(pattern, language.locale()).format(arguments.toArray());
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        ClassLoader loader = MessageBundle.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return properties;
    }

    @Override
    public String toString() {
        return name;
    }
}
