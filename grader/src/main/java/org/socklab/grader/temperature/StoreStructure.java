package org.socklab.grader.temperature;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.Type;
import org.socklab.grader.bytecode.ClassFile;
import org.socklab.grader.bytecode.ClassFile.Member;
import org.socklab.grader.bytecode.ClassFile.Method;
import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.NotApplicable;

/**
 * The structural rule of the exercise, read from the submission's bytecode ({@link ClassFile}):
 * {@code record} and {@code get}, directly or through the methods they call in the student's own
 * classes (the store, its nested classes, a helper class of the same package), take a lock that
 * belongs to the store, whatever the design (one lock, a read/write lock, an array of locks, a
 * helper object per group of cities). That is, one of the methods they reach
 * <ul>
 *   <li>is {@code synchronized}, or contains a {@code synchronized} block; or</li>
 *   <li>they read a field whose type is a {@link Lock}, a {@link ReadWriteLock}, an array or a
 *       collection (of locks), and call {@code lock}, {@code lockInterruptibly} or {@code tryLock},
 *       and create no lock of their own.</li>
 * </ul>
 * And no method but a constructor assigns a lock field. A lock created inside the call (one per
 * call, one per handler) does not count: no other thread ever takes it. When the calls leave the
 * classes the grader can read (a library of the student's), the rule cannot decide: it gives the
 * points and says so.
 *
 * <p>A structure can look right and still be wrong (a {@code synchronized} block on a new object,
 * an access outside the locked part): the forced interleavings judge what the store does; this
 * rule says whether it takes a lock the exercise is about. Stateless and thread-safe.
 */
final class StoreStructure {
    private static final Set<String> ACQUIRE = Set.of("lock", "lockInterruptibly", "tryLock");
    private static final Set<String> CONTAINERS = Set.of(
            "java/util/List",
            "java/util/Map",
            "java/util/Collection",
            "java/util/ArrayList",
            "java/util/HashMap",
            "java/util/concurrent/ConcurrentHashMap",
            "java/util/concurrent/ConcurrentMap");
    private static final String RECORD = "record(Ljava/lang/String;II)V";
    private static final String GET = "get(Ljava/lang/String;)Ljava/util/Optional;";

    private final Class<?> store;
    private final String studentPackage;
    private final Map<String, Optional<ClassFile>> classes = new HashMap<>();

    private StoreStructure(Class<?> store) {
        this.store = store;
        this.studentPackage = store.getPackageName().replace('.', '/') + "/";
    }

    /**
     * What is wrong with the store's locking, if anything.
     *
     * @throws NotApplicable if the calls reach code the grader cannot read and no lock was found
     */
    static Optional<Feedback> lockProblem(Class<?> store) {
        StoreStructure structure = new StoreStructure(store);
        String type = Type.getInternalName(store);
        ClassFile own = structure
                .classFile(type)
                .orElseThrow(() -> new IllegalStateException("no class file for " + store.getName()));
        Set<Method> fromRecord = new LinkedHashSet<>();
        Set<Method> fromGet = new LinkedHashSet<>();
        boolean recordLeaves = structure.reach(own.methods().get(RECORD), fromRecord);
        boolean getLeaves = structure.reach(own.methods().get(GET), fromGet);
        Optional<Feedback> replaced = structure.lockReplaced();
        if (replaced.isPresent()) {
            return replaced;
        }
        Optional<Feedback> record = structure.unlocked(own.methods().get(RECORD), fromRecord, recordLeaves);
        return record.isPresent() ? record : structure.unlocked(own.methods().get(GET), fromGet, getLeaves);
    }

    /** Why the method takes no lock of the store, or nothing if it takes one. */
    private Optional<Feedback> unlocked(Method method, Set<Method> reached, boolean leavesWhatCanBeRead) {
        boolean synchronizes = reached.stream().anyMatch(each -> each.isSynchronized() || each.entersMonitor());
        boolean makesItsOwnLock =
                reached.stream().flatMap(each -> each.creates().stream()).anyMatch(this::isLockType);
        boolean readsALockField = reached.stream()
                .flatMap(each -> each.reads().stream())
                .anyMatch(field -> mayHoldLocks(field.descriptor()));
        boolean acquires = reached.stream()
                .flatMap(each -> each.calls().stream())
                .anyMatch(call -> ACQUIRE.contains(call.name()) && isLockType(call.owner()));
        if (synchronizes || (readsALockField && acquires && !makesItsOwnLock)) {
            return Optional.empty();
        }
        if (makesItsOwnLock) {
            return Optional.of(TemperatureFeedback.lockPerCall(signature(method)));
        }
        if (leavesWhatCanBeRead) {
            throw new NotApplicable(TemperatureFeedback.structureUnchecked(signature(method)));
        }
        return Optional.of(TemperatureFeedback.noLock(signature(method)));
    }

    /** A method other than a constructor that assigns a lock field: threads before and after it hold different locks. */
    private Optional<Feedback> lockReplaced() {
        return classes.values().stream()
                .flatMap(Optional::stream)
                .flatMap(each -> each.methods().values().stream())
                .filter(method -> !method.isConstructor() && !method.name().equals("<clinit>"))
                .flatMap(method -> method.writes().stream()
                        .filter(field -> field.owner().startsWith(studentPackage) && holdsALock(field.descriptor()))
                        .map(field -> TemperatureFeedback.lockReplaced(signature(method), field.name())))
                .findFirst();
    }

    /**
     * Collects the method and the methods of the student's classes it calls, directly or not.
     *
     * @return whether some call goes to a class of the submission the grader cannot read
     */
    private boolean reach(Method start, Set<Method> reached) {
        boolean leaves = false;
        Deque<Method> next = new ArrayDeque<>();
        if (start != null) {
            next.add(start);
        }
        while (!next.isEmpty()) {
            Method method = next.remove();
            if (!reached.add(method)) {
                continue;
            }
            for (Member call : method.calls()) {
                if (isPlatform(call.owner())) {
                    continue;
                }
                Optional<Method> target = resolve(call);
                if (target.isPresent()) {
                    next.add(target.get());
                } else if (!call.owner().startsWith(studentPackage)
                        || classFile(call.owner()).isEmpty()) {
                    leaves = true;
                }
            }
        }
        return leaves;
    }

    /** The method a call lands on in the student's classes, looked up the class hierarchy. */
    private Optional<Method> resolve(Member call) {
        for (String owner = call.owner(); owner != null && owner.startsWith(studentPackage); ) {
            Optional<ClassFile> file = classFile(owner);
            if (file.isEmpty()) {
                return Optional.empty();
            }
            Method method = file.get().methods().get(call.name() + call.descriptor());
            if (method != null) {
                return Optional.of(method);
            }
            owner = file.get().superName();
        }
        return Optional.empty();
    }

    private Optional<ClassFile> classFile(String internalName) {
        if (!internalName.startsWith(studentPackage)) {
            return Optional.empty();
        }
        return classes.computeIfAbsent(internalName, name -> ClassFile.read(store.getClassLoader(), name));
    }

    private static boolean isPlatform(String owner) {
        return Stream.of("java/", "javax/", "jdk/", "sun/").anyMatch(owner::startsWith) || owner.startsWith("[");
    }

    /** Whether a field of this descriptor is a lock, or an array of locks. */
    private boolean holdsALock(String descriptor) {
        Type type = Type.getType(descriptor);
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        return element.getSort() == Type.OBJECT && isLockType(element.getInternalName());
    }

    /** Whether a field of this descriptor may hold the store's locks: a lock, an array of them, a collection. */
    private boolean mayHoldLocks(String descriptor) {
        Type type = Type.getType(descriptor);
        return holdsALock(descriptor) || (type.getSort() == Type.OBJECT && CONTAINERS.contains(type.getInternalName()));
    }

    /** Whether the named type is a Lock or a ReadWriteLock, resolved as the store itself sees it. */
    private boolean isLockType(String internalName) {
        try {
            Class<?> type = Class.forName(internalName.replace('/', '.'), false, store.getClassLoader());
            return Lock.class.isAssignableFrom(type) || ReadWriteLock.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The method as a student wrote it, e.g. {@code record(String, int, int)}. */
    private static String signature(Method method) {
        return method.name()
                + Stream.of(Type.getArgumentTypes(method.descriptor()))
                        .map(type -> type.getClassName()
                                .substring(type.getClassName().lastIndexOf('.') + 1))
                        .map(name -> name.substring(name.lastIndexOf('$') + 1))
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
