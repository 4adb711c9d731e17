package org.socklab.grader.policy;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.socklab.grader.Exercise;
import org.socklab.grader.policy.Violation.Kind;

/**
 * Checks the class files of one exercise against a policy: a first pass learns the submission's
 * own classes (superclass, declared members), a second checks each class
 * ({@link ClassFileCheck}). Violations come sorted by class and line, one per place.
 *
 * <p>Stateless and thread-safe.
 */
public final class PolicyCheck {
    /** The tag of a class in the constant pool (JVMS 4.4.1). */
    private static final int CONSTANT_CLASS = 7;

    private PolicyCheck() {}

    /**
     * The violations of the course's policy in an exercise's classes found in these class path
     * entries (folders or jars); empty when they keep it.
     */
    public static List<Violation> check(Exercise exercise, List<Path> classPath) {
        return check(exercise, ExerciseClasses.in(classPath));
    }

    /**
     * The violations in an exercise's classes, and in every other class of the submission
     * ({@code lab.*}) that they name, and so on: calls between the submission's own classes are
     * allowed, so what they reach is checked too.
     */
    static List<Violation> check(Exercise exercise, ExerciseClasses classes) {
        return check(StudentCodePolicy.standard(), classes.of(exercise), classes::named);
    }

    /** The violations in these class files alone (the own classes they name are taken as checked). */
    static List<Violation> check(StudentCodePolicy policy, List<byte[]> classFiles) {
        return check(policy, classFiles, name -> Optional.empty());
    }

    static List<Violation> check(
            StudentCodePolicy policy, List<byte[]> classFiles, Function<String, Optional<byte[]>> otherOwnClasses) {
        List<Violation> found = new ArrayList<>();
        Map<String, String> superclasses = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        List<ClassReader> readers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<byte[]> pending = new ArrayDeque<>(classFiles);
        for (byte[] bytes : classFiles) {
            seen.add(nameOf(bytes));
        }
        while (!pending.isEmpty()) {
            byte[] bytes = pending.removeFirst();
            try {
                ClassReader reader = new ClassReader(bytes);
                reader.accept(
                        new Declarations(superclasses, members),
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
                readers.add(reader);
                for (String named : ownClassesNamed(reader)) {
                    if (seen.add(named)) {
                        otherOwnClasses.apply(named).ifPresent(pending::addLast);
                    }
                }
            } catch (RuntimeException e) {
                found.add(new Violation(nameOf(bytes), 0, Kind.UNREADABLE, String.valueOf(e.getMessage())));
            }
        }
        Decisions decisions = new Decisions(policy, new Hierarchy(superclasses, members));
        for (ClassReader reader : readers) {
            ClassFileCheck check = new ClassFileCheck(decisions);
            try {
                reader.accept(check, ClassReader.SKIP_FRAMES);
                found.addAll(check.violations());
            } catch (RuntimeException e) {
                found.add(new Violation(
                        Type.getObjectType(reader.getClassName()).getClassName(),
                        0,
                        Kind.UNREADABLE,
                        String.valueOf(e.getMessage())));
            }
        }
        return onePerPlace(found);
    }

    /**
     * The submission's own classes a class file names in its constant pool: every class whose
     * code it can run (an owner of a call, a supertype, a method handle's owner) is there.
     */
    private static Set<String> ownClassesNamed(ClassReader reader) {
        Set<String> named = new HashSet<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                Type type = Type.getObjectType(reader.readUTF8(offset, buffer));
                if (type.getSort() == Type.ARRAY) {
                    type = type.getElementType();
                }
                if (type.getSort() == Type.OBJECT && StudentCodePolicy.isOwn(type.getClassName())) {
                    named.add(type.getClassName());
                }
            }
        }
        return named;
    }

    /** Sorted by class and line; one violation per line of a class, and per thing where there is no line. */
    private static List<Violation> onePerPlace(List<Violation> found) {
        Map<String, Violation> kept = new LinkedHashMap<>();
        found.stream()
                .sorted(Comparator.comparing(Violation::className).thenComparingInt(Violation::line))
                .forEach(violation -> kept.putIfAbsent(
                        violation.className() + "\n"
                                + (violation.line() > 0
                                        ? Integer.toString(violation.line())
                                        : violation.kind() + "\n" + violation.thing()),
                        violation));
        return List.copyOf(kept.values());
    }

    private static String nameOf(byte[] bytes) {
        try {
            return Type.getObjectType(new ClassReader(bytes).getClassName()).getClassName();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The first pass: each own class's superclass and declared members. */
    private static final class Declarations extends ClassVisitor {
        private final Map<String, String> superclasses;
        private final Map<String, Set<String>> members;
        private Set<String> declared = new HashSet<>();

        Declarations(Map<String, String> superclasses, Map<String, Set<String>> members) {
            super(Opcodes.ASM9);
            this.superclasses = superclasses;
            this.members = members;
        }

        @Override
        public void visit(
                int version, int access, String name, String signature, String superName, String[] interfaces) {
            String className = Type.getObjectType(name).getClassName();
            if (superName != null) {
                superclasses.put(className, Type.getObjectType(superName).getClassName());
            }
            declared = members.computeIfAbsent(className, key -> new HashSet<>());
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            declared.add(Hierarchy.memberKey(name, descriptor, true));
            return null;
        }

        @Override
        public MethodVisitor visitMethod(
                int access, String name, String descriptor, String signature, String[] exceptions) {
            declared.add(Hierarchy.memberKey(name, descriptor, false));
            return null;
        }
    }
}
