package org.socklab.grader.policy;

import org.socklab.grader.feedback.Feedback;

/**
 * One thing a class of the submission uses that the policy forbids, and where.
 *
 * @param className the binary name of the class ({@code lab.echocaps.EchoCapsServer$1})
 * @param line the source line, from the class file's line numbers; 0 when there is none (a
 *             superclass, an annotation, a method's signature)
 * @param kind how the class uses it
 * @param thing what it uses: a class, {@code Owner.member}, {@code new Owner}, a method's name
 */
public record Violation(String className, int line, Kind kind, String thing) {

    /** How a class uses something forbidden; each kind has its message. */
    public enum Kind {
        /** names a class: a variable, a cast, a parameter, a class literal, a caught exception */
        USES("policy.uses"),
        /** calls a method or a constructor */
        CALLS("policy.calls"),
        /** reads or writes a field */
        FIELD("policy.field"),
        /** extends a class or implements an interface */
        EXTENDS("policy.extends"),
        /** is annotated with */
        ANNOTATED("policy.annotated"),
        /** declares a native method */
        NATIVE("policy.native"),
        /** calls something allowed in main only, elsewhere */
        OUTSIDE_MAIN("policy.outsideMain"),
        /** uses invokedynamic with a bootstrap that is not javac's */
        BOOTSTRAP("policy.bootstrap"),
        /** a class file the grader cannot read */
        UNREADABLE("policy.unreadable");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    /** What the student reads: where, then what. */
    Feedback feedback() {
        Object where = line > 0
                ? Feedback.of(PolicyFeedback.MESSAGES, "policy.at", className, Integer.toString(line))
                : className;
        return Feedback.of(PolicyFeedback.MESSAGES, kind.key(), where, thing);
    }
}
