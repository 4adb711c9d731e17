package org.socklab.cli.command;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.socklab.cli.checkout.Template;
import org.socklab.cli.grading.SandboxMode;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.Language;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The option values the commands share, checked while the command line is parsed, so that a bad
 * one is a one-line usage error before any work. Stateless.
 */
final class Converters {
    private Converters() {}

    /** {@code --lang}: {@code en} or {@code pt} (a region such as {@code pt-BR} is allowed). */
    static final class LanguageConverter implements ITypeConverter<Language> {
        @Override
        public Language convert(String value) {
            return Language.parse(value)
                    .orElseThrow(() -> new TypeConversionException("unknown language " + value + " (known: "
                            + Stream.of(Language.values())
                                    .map(l -> l.locale().getLanguage())
                                    .collect(Collectors.joining(", "))
                            + ")"));
        }
    }

    /** One key of {@code --exercises KEY,KEY}: it must have graded tests. */
    static final class ExerciseConverter implements ITypeConverter<Exercise> {
        @Override
        public Exercise convert(String key) {
            Set<Exercise> graded = Template.gradedExercises();
            return Exercise.byKey(key)
                    .filter(graded::contains)
                    .orElseThrow(() -> new TypeConversionException("no graded exercise " + key.strip() + " (known: "
                            + graded.stream().map(Exercise::key).collect(Collectors.joining(", ")) + ")"));
        }
    }

    /** {@code --sandbox}: {@code auto}, {@code required} or {@code none}. */
    static final class SandboxConverter implements ITypeConverter<SandboxMode> {
        @Override
        public SandboxMode convert(String value) {
            return Stream.of(SandboxMode.values())
                    .filter(mode -> mode.value().equals(value.strip()))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("--sandbox: auto, required or none, not " + value));
        }
    }

    /** {@code --jobs}, {@code --timeout}: a whole number above zero. */
    static final class PositiveConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int number = Integer.parseInt(value);
                if (number > 0) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("expected a positive number, not " + value);
        }
    }
}
