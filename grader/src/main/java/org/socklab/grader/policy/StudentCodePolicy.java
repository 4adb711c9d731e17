package org.socklab.grader.policy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.socklab.grader.policy.Rule.Verdict;

/**
 * What student code may use: the rules of {@value #RESOURCE}, a file a teacher can read, and the
 * decisions taken from them on class names, members and bootstrap methods. The submission's own
 * classes (any class of a package {@code lab.*}) are always allowed; what no rule allows is
 * forbidden.
 *
 * <p>Immutable and thread-safe; {@link #standard()} is read once per JVM.
 */
final class StudentCodePolicy {
    /** The policy file, on the class path. */
    static final String RESOURCE = "org/socklab/grader/policy/student-code-policy.txt";
    /** The packages of student code. */
    static final String OWN_PREFIX = "lab.";

    private final List<Rule> classRules = new ArrayList<>();
    private final Map<String, List<Rule>> memberRules = new HashMap<>();
    private final Set<String> partlyAllowed = new HashSet<>();
    private final Set<String> memberNames = new HashSet<>();
    private final Set<String> bootstraps = new HashSet<>();

    private StudentCodePolicy(List<Rule> rules) {
        for (Rule rule : rules) {
            if (rule.verdict() == Verdict.BOOTSTRAP) {
                bootstraps.add(rule.target() + "#" + rule.member().orElseThrow());
            } else if (rule.isMember()) {
                memberRules
                        .computeIfAbsent(rule.target(), key -> new ArrayList<>())
                        .add(rule);
                memberNames.add(rule.member().orElseThrow());
                if (rule.verdict() != Verdict.DENY) {
                    partlyAllowed.add(rule.target());
                }
            } else {
                classRules.add(rule);
            }
        }
    }

    /** The policy of the course, from {@value #RESOURCE}. */
    static StudentCodePolicy standard() {
        return Standard.POLICY;
    }

    /** Holder: the file is read on first use, once. */
    private static final class Standard {
        static final StudentCodePolicy POLICY = load();

        private static StudentCodePolicy load() {
            try (InputStream in = StudentCodePolicy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the policy file " + RESOURCE + " is missing from the class path");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                return parse(reader.lines().toList());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    /**
     * A policy from the lines of a policy file: {@code allow|deny|allow-in-main|bootstrap PATTERN},
     * {@code #} comments, blank lines.
     *
     * @throws IllegalArgumentException naming the line, for a line it does not understand
     */
    static StudentCodePolicy parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+", 2);
            try {
                if (words.length != 2) {
                    throw new IllegalArgumentException("expected a verdict and a pattern");
                }
                rules.add(Rule.parse(verdict(words[0]), words[1].strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("policy line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return new StudentCodePolicy(rules);
    }

    private static Verdict verdict(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "allow" -> Verdict.ALLOW;
            case "deny" -> Verdict.DENY;
            case "allow-in-main" -> Verdict.ALLOW_IN_MAIN;
            case "bootstrap" -> Verdict.BOOTSTRAP;
            default -> throw new IllegalArgumentException("unknown verdict " + word);
        };
    }

    /** Whether the class is the submission's own. */
    static boolean isOwn(String className) {
        return className.startsWith(OWN_PREFIX);
    }

    /**
     * Whether code may name the class: hold, pass, catch or extend it. True for an allowed class,
     * and for a class denied as a whole some of whose members are allowed.
     */
    boolean mayName(String className) {
        return isOwn(className) || allowsClass(className) || partlyAllowed.contains(className);
    }

    /** Whether the class as a whole is allowed (its own classes, or the class rule that wins allows it). */
    boolean allowsClass(String className) {
        if (isOwn(className)) {
            return true;
        }
        Rule best = null;
        for (Rule rule : classRules) {
            if (rule.matchesClass(className) && (best == null || rule.beats(best))) {
                best = rule;
            }
        }
        return best != null && best.verdict() == Verdict.ALLOW;
    }

    /**
     * The verdict of the member rule that decides on a member, looked up on each class of the
     * owner's superclass chain, nearest first; empty when no member rule names it (then the
     * owner's class rule decides).
     *
     * @param chain the owner, then its superclasses
     * @param parameterTypes the parameter types of a method (Java names), empty for a field
     */
    Optional<Verdict> member(List<String> chain, String name, List<String> parameterTypes) {
        for (String owner : chain) {
            Rule best = null;
            for (Rule rule : memberRules.getOrDefault(owner, List.of())) {
                if (rule.matchesMember(owner, name, parameterTypes) && (best == null || rule.beats(best))) {
                    best = rule;
                }
            }
            if (best != null) {
                return Optional.of(best.verdict());
            }
        }
        return Optional.empty();
    }

    /** Whether some member rule names a member called so: if none does, the owner's class rule decides. */
    boolean hasMemberRulesNamed(String name) {
        return memberNames.contains(name);
    }

    /** Whether {@code invokedynamic} may use this bootstrap method. */
    boolean allowsBootstrap(String owner, String name) {
        return bootstraps.contains(owner + "#" + name);
    }
}
