package org.socklab.grader.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The superclass chains the policy walks to find who declares a member: the submission's own
 * classes from their class files, the JDK's from the platform class loader (loaded, never
 * initialized: no code of theirs runs). A member the submission declares itself is its own.
 *
 * <p>Used by one check on one thread; the cache of JDK chains lives as long as the check.
 */
final class Hierarchy {
    private static final String OBJECT = "java.lang.Object";

    private final Map<String, String> ownSuperclasses;
    private final Map<String, Set<String>> ownMembers;
    private final Map<String, List<String>> jdkChains = new HashMap<>();

    /**
     * @param ownSuperclasses each own class's superclass (binary names)
     * @param ownMembers each own class's declared members: fields by name, methods by name and descriptor
     */
    Hierarchy(Map<String, String> ownSuperclasses, Map<String, Set<String>> ownMembers) {
        this.ownSuperclasses = ownSuperclasses;
        this.ownMembers = ownMembers;
    }

    /** How a member is named among the declared members: a field by its name, a method with its descriptor. */
    static String memberKey(String name, String descriptor, boolean field) {
        return field ? name : name + descriptor;
    }

    /**
     * The classes whose member rules may decide on a member used through {@code owner}: the owner
     * and its superclasses up to {@code Object}, nearest first; empty when the member is declared
     * by a class of the submission (it is its own).
     */
    List<String> chainFor(String owner, String memberKey) {
        List<String> chain = new ArrayList<>();
        String current = owner;
        while (current != null && StudentCodePolicy.isOwn(current)) {
            if (ownMembers.getOrDefault(current, Set.of()).contains(memberKey)) {
                return List.of();
            }
            current = ownSuperclasses.get(current);
        }
        if (current != null) {
            chain.addAll(jdkChain(current));
        }
        if (!chain.contains(OBJECT)) {
            chain.add(OBJECT);
        }
        return chain;
    }

    private List<String> jdkChain(String className) {
        return jdkChains.computeIfAbsent(className, name -> {
            List<String> chain = new ArrayList<>();
            chain.add(name);
            try {
                Class<?> type = Class.forName(name, false, ClassLoader.getPlatformClassLoader());
                for (Class<?> up = type.getSuperclass(); up != null; up = up.getSuperclass()) {
                    chain.add(up.getName());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class of the JDK: its own rules and Object's are all there is
            }
            return chain;
        });
    }
}
