package org.socklab.grader.policy;

import java.util.List;
import java.util.Optional;

/**
 * One line of the policy file: a verdict and the pattern it applies to.
 *
 * <p>Patterns, from the least to the most specific: a package tree ({@code java.util.**}), the
 * classes of one package ({@code java.util.*}), a class name prefix ({@code java.io.File*}), one
 * class with its nested classes ({@code java.lang.Runtime}), a member ({@code java.lang.Runtime#exec},
 * {@code #new} for a constructor), a member with its parameter types. Immutable.
 *
 * @param verdict what the rule says
 * @param level how specific the pattern is (see above), the first key of the order
 * @param depth the second key: the length of what the pattern names
 * @param target a package, a class name or a class name prefix (binary names: {@code a.b.C$D})
 * @param member the member's name ({@code <init>} for a constructor), for a member rule
 * @param parameters the parameter types (Java names), when the rule names one overload
 */
record Rule(
        Verdict verdict,
        int level,
        int depth,
        String target,
        Optional<String> member,
        Optional<List<String>> parameters) {
    static final int PACKAGE_TREE = 1;
    static final int PACKAGE = 2;
    static final int PREFIX = 3;
    static final int CLASS = 4;
    static final int MEMBER = 5;
    static final int OVERLOAD = 6;

    /** What a rule says about what it matches. */
    enum Verdict {
        ALLOW,
        DENY,
        /** Allowed only in {@code public static void main(String[])}. */
        ALLOW_IN_MAIN,
        /** An allowed {@code invokedynamic} bootstrap method. */
        BOOTSTRAP
    }

    /**
     * Parses a pattern of the policy file.
     *
     * @throws IllegalArgumentException for a pattern this class does not understand
     */
    static Rule parse(Verdict verdict, String pattern) {
        int hash = pattern.indexOf('#');
        if (hash >= 0) {
            String owner = pattern.substring(0, hash);
            String rest = pattern.substring(hash + 1);
            int open = rest.indexOf('(');
            String name = open < 0 ? rest : rest.substring(0, open);
            if (name.equals("new")) {
                name = "<init>";
            }
            requireName(owner, pattern);
            requireName(name.equals("<init>") ? "init" : name, pattern);
            if (open < 0) {
                return new Rule(verdict, MEMBER, 0, owner, Optional.of(name), Optional.empty());
            }
            if (!rest.endsWith(")")) {
                throw new IllegalArgumentException("no ) at the end of " + pattern);
            }
            String inside = rest.substring(open + 1, rest.length() - 1).replace(" ", "");
            List<String> parameters = inside.isEmpty() ? List.of() : List.of(inside.split(","));
            return new Rule(verdict, OVERLOAD, 0, owner, Optional.of(name), Optional.of(parameters));
        }
        if (verdict == Verdict.BOOTSTRAP || verdict == Verdict.ALLOW_IN_MAIN) {
            throw new IllegalArgumentException(verdict + " needs a member (Class#method): " + pattern);
        }
        if (pattern.endsWith(".**")) {
            String name = pattern.substring(0, pattern.length() - 3);
            requireName(name, pattern);
            return new Rule(verdict, PACKAGE_TREE, name.length(), name, Optional.empty(), Optional.empty());
        }
        if (pattern.endsWith(".*")) {
            String name = pattern.substring(0, pattern.length() - 2);
            requireName(name, pattern);
            return new Rule(verdict, PACKAGE, name.length(), name, Optional.empty(), Optional.empty());
        }
        if (pattern.endsWith("*")) {
            String name = pattern.substring(0, pattern.length() - 1);
            requireName(name, pattern);
            return new Rule(verdict, PREFIX, name.length(), name, Optional.empty(), Optional.empty());
        }
        requireName(pattern, pattern);
        return new Rule(verdict, CLASS, pattern.length(), pattern, Optional.empty(), Optional.empty());
    }

    private static void requireName(String name, String pattern) {
        if (name.isEmpty() || !name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new IllegalArgumentException("not a pattern of the policy: " + pattern);
        }
    }

    /** Whether this (non-member) rule applies to the class with this binary name. */
    boolean matchesClass(String className) {
        return switch (level) {
            case PACKAGE_TREE -> className.startsWith(target + ".");
            case PACKAGE -> packageOf(className).equals(target);
            case PREFIX -> className.startsWith(target) && packageOf(className).equals(packageOf(target + "X"));
            case CLASS -> className.equals(target) || className.startsWith(target + "$");
            default -> false;
        };
    }

    /** Whether this member rule applies to a member of exactly this class. */
    boolean matchesMember(String className, String name, List<String> parameterTypes) {
        return target.equals(className)
                && member.orElseThrow().equals(name)
                && parameters.map(wanted -> wanted.equals(parameterTypes)).orElse(true);
    }

    /** Whether this rule wins over another that matches the same thing. */
    boolean beats(Rule other) {
        if (level != other.level) {
            return level > other.level;
        }
        if (depth != other.depth) {
            return depth > other.depth;
        }
        return verdict == Verdict.DENY && other.verdict != Verdict.DENY;
    }

    boolean isMember() {
        return member.isPresent();
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
