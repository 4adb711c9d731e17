package org.socklab.grader;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The six exercises of the course, in the order they are taught.
 *
 * <p>Each one names the package of the student's code ({@code lab.<key>}), the class whose
 * {@code serve} method is the entry point, the parameters {@code serve} takes after the listener,
 * and the points the exercise is worth. The graded tests of an exercise live in the package
 * {@code org.socklab.grader.<key>}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Exercise {
    ECHOCAPS(1, "EchoCapsServer", 10, List.of()),
    HTTP(2, "HelloHttpServer", 15, List.of()),
    BOUNDED(3, "BoundedServer", 15, List.of(int.class)),
    TEMPERATURE(4, "TemperatureServer", 15, List.of()),
    QUEUE(5, "QueueServer", 20, List.of()),
    CHAT(6, "ChatServer", 25, List.of());

    private final int number;
    private final String serverClass;
    private final int maxPoints;
    private final List<Class<?>> extraServeParameters;

    Exercise(int number, String serverClass, int maxPoints, List<Class<?>> extraServeParameters) {
        this.number = number;
        this.serverClass = serverClass;
        this.maxPoints = maxPoints;
        this.extraServeParameters = extraServeParameters;
    }

    /** The short name students type and read: {@code echocaps}, {@code http}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int number() {
        return number;
    }

    public int maxPoints() {
        return maxPoints;
    }

    /** The package of the student's classes for this exercise, e.g. {@code lab.echocaps}. */
    public String studentPackage() {
        return "lab." + key();
    }

    /** The fully qualified name of the class with {@code serve} and {@code main}. */
    public String serverClassName() {
        return studentPackage() + "." + serverClass;
    }

    /** The package holding this exercise's graded tests. */
    public String testPackage() {
        return "org.socklab.grader." + key();
    }

    /**
     * The package of this exercise's {@linkplain Hidden hidden} graded tests, {@code
     * org.socklab.hidden.<key>}: outside the grader's own packages, so that it never ships to students.
     */
    public String hiddenTestPackage() {
        return "org.socklab.hidden." + key();
    }

    /** The messages of this exercise's tests: names, hints, and its own observations. */
    public MessageBundle messages() {
        return MessageBundle.named(testPackage().replace('.', '/') + "/messages");
    }

    /** What {@code serve} takes after the listener (for example {@code int maxThreads}). */
    public List<Class<?>> extraServeParameters() {
        return extraServeParameters;
    }

    /** The exercise with this key, ignoring case. */
    public static Optional<Exercise> byKey(String key) {
        for (Exercise exercise : values()) {
            if (exercise.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(exercise);
            }
        }
        return Optional.empty();
    }

    /** The sum of every exercise's points: the whole suite is worth this much. */
    public static int totalPoints() {
        int total = 0;
        for (Exercise exercise : values()) {
            total += exercise.maxPoints;
        }
        return total;
    }
}
