package org.socklab.grader.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socklab.grader.policy.Rule.Verdict;

/**
 * The policy's decisions during one check, remembered: a submission names the same few classes
 * and members again and again, and each decision is a walk over every rule.
 *
 * <p>Used by one check on one thread; lives as long as the check.
 */
final class Decisions {
    private final StudentCodePolicy policy;
    private final Hierarchy hierarchy;
    private final Map<String, Boolean> nameable = new HashMap<>();
    private final Map<String, Boolean> allowedClasses = new HashMap<>();
    private final Map<String, Optional<Verdict>> members = new HashMap<>();

    Decisions(StudentCodePolicy policy, Hierarchy hierarchy) {
        this.policy = policy;
        this.hierarchy = hierarchy;
    }

    /** See {@link StudentCodePolicy#mayName}. */
    boolean mayName(String className) {
        return nameable.computeIfAbsent(className, policy::mayName);
    }

    /** See {@link StudentCodePolicy#allowsClass}. */
    boolean allowsClass(String className) {
        return allowedClasses.computeIfAbsent(className, policy::allowsClass);
    }

    /**
     * The verdict on a member used through {@code owner}: that of the member rule found nearest on
     * its superclass chain; else its owner's class rule ({@code ALLOW} or {@code DENY}). A member
     * of the submission's own (its constructors, what its classes declare) is allowed.
     *
     * @param parameterTypes the parameter types of a method (Java names), empty for a field
     */
    Verdict member(String owner, String name, String descriptor, boolean field, List<String> parameterTypes) {
        String key = owner + "#" + Hierarchy.memberKey(name, descriptor, field);
        Optional<Verdict> ruled =
                members.computeIfAbsent(key, unused -> ruled(owner, name, descriptor, field, parameterTypes));
        return ruled.orElseGet(() -> allowsClass(owner) ? Verdict.ALLOW : Verdict.DENY);
    }

    private Optional<Verdict> ruled(
            String owner, String name, String descriptor, boolean field, List<String> parameterTypes) {
        boolean constructor = name.equals("<init>");
        if ((constructor && StudentCodePolicy.isOwn(owner)) || !policy.hasMemberRulesNamed(name)) {
            return Optional.empty();
        }
        List<String> chain =
                constructor ? List.of(owner) : hierarchy.chainFor(owner, Hierarchy.memberKey(name, descriptor, field));
        if (chain.isEmpty()) {
            return Optional.of(Verdict.ALLOW);
        }
        return policy.member(chain, name, parameterTypes);
    }

    /** See {@link StudentCodePolicy#allowsBootstrap}. */
    boolean allowsBootstrap(String owner, String name) {
        return policy.allowsBootstrap(owner, name);
    }
}
