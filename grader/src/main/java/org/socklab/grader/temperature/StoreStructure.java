package org.socklab.grader.temperature;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.socklab.grader.feedback.Feedback;

/**
 * The structural rule of the exercise, read from the store's bytecode with ArchUnit: {@code record}
 * and {@code get}, directly or through the store's own methods they call, take a lock that belongs
 * to the store. That is, each of them
 * <ul>
 *   <li>is {@code synchronized}, or contains a {@code synchronized} block; or</li>
 *   <li>reads a field of the store whose type is a {@link Lock} or a {@link ReadWriteLock}, and
 *       calls {@code lock}, {@code lockInterruptibly} or {@code tryLock}.</li>
 * </ul>
 * And no method of the store but a constructor assigns a lock field. A lock created inside the
 * method (one per call, one per handler) does not count: no other thread ever takes it.
 *
 * <p>A structure can look right and still be wrong (a {@code synchronized} block on a new object,
 * an access outside the locked part): the forced interleavings judge what the store does; this
 * rule says whether it takes the lock the exercise is about. Stateless and thread-safe.
 */
final class StoreStructure {
    private static final Set<String> ACQUIRE = Set.of("lock", "lockInterruptibly", "tryLock");

    private StoreStructure() {
    }

    /** What is wrong with the store's locking, if anything. */
    static Optional<Feedback> lockProblem(Class<?> store) {
        String resource = store.getName().replace('.', '/') + ".class";
        URL url = store.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no class file for " + store.getName());
        }
        JavaClass type = new ClassFileImporter().importUrl(url).get(store.getName());
        Set<String> monitors;
        try (InputStream in = url.openStream()) {
            monitors = MonitorScan.methodsEnteringAMonitor(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        for (JavaMethod method : type.getMethods()) {
            for (JavaFieldAccess access : method.getFieldAccesses()) {
                if (access.getAccessType() == JavaFieldAccess.AccessType.SET && ownField(access, type)
                        && isLockType(store, access.getTarget().getRawType().getName())) {
                    return Optional.of(TemperatureFeedback.lockReplaced(signature(method), access.getTarget().getName()));
                }
            }
        }
        Optional<Feedback> record = unlocked(store, type, type.getMethod("record", String.class, int.class, int.class),
                monitors);
        return record.isPresent() ? record : unlocked(store, type, type.getMethod("get", String.class), monitors);
    }

    /** Why the method takes no lock of the store, or nothing if it takes one. */
    private static Optional<Feedback> unlocked(Class<?> store, JavaClass type, JavaMethod method, Set<String> monitors) {
        Set<JavaMethod> reached = reachable(type, method);
        for (JavaMethod each : reached) {
            if (each.getModifiers().contains(JavaModifier.SYNCHRONIZED)
                    || monitors.contains(each.getName() + each.getDescriptor())
                    || (readsOwnLockField(store, type, each) && acquiresALock(store, each))) {
                return Optional.empty();
            }
        }
        boolean makesItsOwnLock = reached.stream().flatMap(each -> each.getConstructorCallsFromSelf().stream())
                .map(JavaConstructorCall::getTargetOwner)
                .anyMatch(owner -> isLockType(store, owner.getName()));
        return Optional.of(makesItsOwnLock ? TemperatureFeedback.lockPerCall(signature(method))
                : TemperatureFeedback.noLock(signature(method)));
    }

    /** The method and the methods of the store it calls, directly or not. */
    private static Set<JavaMethod> reachable(JavaClass type, JavaMethod start) {
        Set<JavaMethod> reached = new LinkedHashSet<>();
        Deque<JavaMethod> next = new ArrayDeque<>();
        next.add(start);
        while (!next.isEmpty()) {
            JavaMethod method = next.remove();
            if (!reached.add(method)) {
                continue;
            }
            for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                if (call.getTargetOwner().equals(type)) {
                    call.getTarget().resolveMember().ifPresent(next::add);
                }
            }
        }
        return reached;
    }

    private static boolean readsOwnLockField(Class<?> store, JavaClass type, JavaCodeUnit method) {
        return method.getFieldAccesses().stream()
                .anyMatch(access -> access.getAccessType() == JavaFieldAccess.AccessType.GET && ownField(access, type)
                        && isLockType(store, access.getTarget().getRawType().getName()));
    }

    private static boolean acquiresALock(Class<?> store, JavaCodeUnit method) {
        return method.getMethodCallsFromSelf().stream()
                .anyMatch(call -> ACQUIRE.contains(call.getName()) && isLockType(store, call.getTargetOwner().getName()));
    }

    private static boolean ownField(JavaAccess<? extends AccessTarget> access, JavaClass type) {
        return access.getTargetOwner().equals(type);
    }

    /** Whether the named type is a Lock or a ReadWriteLock, resolved as the store itself sees it. */
    private static boolean isLockType(Class<?> store, String typeName) {
        try {
            Class<?> type = Class.forName(typeName, false, store.getClassLoader());
            return Lock.class.isAssignableFrom(type) || ReadWriteLock.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String signature(JavaMethod method) {
        return method.getName() + "(" + String.join(", ",
                method.getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
    }
}
