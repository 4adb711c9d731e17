package org.socklab.cli.checkout;

import java.util.EnumSet;
import java.util.Set;
import org.socklab.cli.CliFailure;
import org.socklab.grader.Exercise;

/**
 * The pristine student template that ships inside the command (copied there at build time, under
 * {@code socklab/template}). No solution ships with it: see {@code GradeCommand} for the reference.
 *
 * <p>The template decides what is graded: an exercise is graded when the pristine template has its
 * test class ({@code src/test/java/lab/<exercise>/<Server>Test.java}), whatever a submission did to
 * its own copy. Those classes are empty subclasses of the grader's tests, so the grader runs its
 * own test classes, exactly as the template would.
 *
 * <p>Stateless and thread-safe.
 */
public final class Template {
    private static final String TEMPLATE = "socklab/template/";

    private Template() {}

    /** The exercises the pristine template grades. */
    public static Set<Exercise> gradedExercises() {
        Set<Exercise> graded = EnumSet.noneOf(Exercise.class);
        for (Exercise exercise : Exercise.values()) {
            String test =
                    TEMPLATE + "src/test/java/" + exercise.serverClassName().replace('.', '/') + "Test.java";
            if (Template.class.getClassLoader().getResource(test) != null) {
                graded.add(exercise);
            }
        }
        if (graded.isEmpty()) {
            throw new CliFailure("this socklab build has no template inside: rebuild it with mvn package");
        }
        return graded;
    }
}
