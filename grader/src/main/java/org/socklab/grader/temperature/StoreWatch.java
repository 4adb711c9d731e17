package org.socklab.grader.temperature;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.socklab.grader.feedback.NotApplicable;

/**
 * Watches one store from the inside, so that a forced interleaving can be set up and judged
 * without any timing: every map the store keeps (in a field, an array or a list, of the store or
 * of an object of the student's classes it holds) is replaced by a watched map that logs each
 * operation, and can hold one chosen call inside its first operation; and every
 * {@link ReentrantLock} or {@link ReentrantReadWriteLock} kept the same way is replaced by a
 * <em>fair</em> one, so that a thread queued on the lock is the next to get it when it is released.
 * The locks and monitors found on the way (lock fields, arrays of locks, the store and its helper
 * objects) are remembered by where the store keeps them, so that each logged operation says which
 * of them its thread held: two calls inside one map under two different locks are told as such.
 *
 * <p>Neither replacement changes what a correct store does: the watched map behaves as the map it
 * replaces, and a fair lock is a lock (it only decides who goes next, which is exactly what the
 * test wants to decide). The replacements are made on a brand-new store, before any call.
 *
 * <p>Thread-safe: the store's threads call {@link #enter} and {@link #exit}, the test's thread the rest.
 */
final class StoreWatch {
    /** How long a held call waits to be released before it goes on by itself, so nothing hangs for good. */
    private static final Duration HOLD_LIMIT = Duration.ofSeconds(60);

    /** How deep into the store's own objects the maps are looked for (store, shard, shard's part). */
    private static final int MAX_DEPTH = 3;

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentLinkedQueue<MapEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<Thread, Call> calls = new ConcurrentHashMap<>();
    private final List<String> watchedFields = new ArrayList<>();
    /** The store's locks and monitors, by where it keeps them; filled before any call, then only read. */
    private final Map<String, Object> guards = new ConcurrentHashMap<>();

    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Call toHold;
    private volatile MapEvent held;

    private StoreWatch() {}

    /**
     * Watches the store's maps and makes its locks fair, wherever the store keeps them: in its own
     * fields, in arrays or lists of maps and locks (lock striping), and in objects of the student's
     * own classes that the store holds (a helper class, a nested object per group of cities).
     *
     * @throws NotApplicable if the store keeps no map that can be watched: the forced interleavings
     *     cannot judge such a design, so they give their points and say they could not check
     */
    static StoreWatch install(StoreUnderTest store) {
        StoreWatch watch = new StoreWatch();
        List<String> unwatchable = new ArrayList<>();
        watch.walk(
                store.instance(),
                "",
                store.type().getPackageName(),
                unwatchable,
                Collections.newSetFromMap(new IdentityHashMap<>()),
                0);
        if (watch.watchedFields.isEmpty()) {
            throw new NotApplicable(
                    TemperatureFeedback.couldNotWatch(unwatchable.isEmpty() ? "-" : String.join(", ", unwatchable)));
        }
        return watch;
    }

    /** Visits the fields of one object of the student's classes, replacing maps and locks in place. */
    private void walk(
            Object holder, String path, String studentPackage, List<String> unwatchable, Set<Object> seen, int depth) {
        if (holder == null || depth > MAX_DEPTH || !seen.add(holder)) {
            return;
        }
        guards.put(path.isEmpty() ? "this" : path.substring(0, path.length() - 1), holder);
        List<Field> fields = instanceFields(holder.getClass());
        boolean hasConditions = fields.stream().anyMatch(field -> Condition.class.isAssignableFrom(field.getType()));
        for (Field field : fields) {
            Object value = read(field, holder);
            String name = path + field.getName();
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> watched = watchedVersionOf(field.getType(), name, map);
                if (watched != null && write(field, holder, watched)) {
                    watchedFields.add(name);
                } else {
                    unwatchable.add(name + " (" + field.getType().getSimpleName() + ")");
                }
            } else if (value instanceof Object[] array) {
                walkElements(array, name, studentPackage, unwatchable, seen, depth, hasConditions);
            } else if (value instanceof List<?> list) {
                walkElements(list, name, studentPackage, unwatchable, seen, depth, hasConditions);
            } else if (isStudentObject(value, studentPackage)) {
                walk(value, name + ".", studentPackage, unwatchable, seen, depth + 1);
            } else if (!hasConditions && value != null && field.getType().isAssignableFrom(value.getClass())) {
                Object fair = fairVersionOf(value);
                if (fair != value && !write(field, holder, fair)) {
                    fair = value;
                }
                remember(name, fair);
            } else {
                remember(name, value);
            }
        }
    }

    /** The elements of an array of maps, locks or the student's objects: a striped store. */
    private void walkElements(
            Object[] array,
            String name,
            String studentPackage,
            List<String> unwatchable,
            Set<Object> seen,
            int depth,
            boolean hasConditions) {
        Class<?> component = array.getClass().getComponentType();
        for (int i = 0; i < array.length; i++) {
            Object element = array[i];
            String path = name + "[" + i + "]";
            if (element instanceof Map<?, ?> map) {
                Map<Object, Object> watched = watchedVersionOf(component, path, map);
                if (watched != null) {
                    array[i] = watched;
                    watchedFields.add(path);
                } else {
                    unwatchable.add(path + " (" + element.getClass().getSimpleName() + ")");
                }
            } else if (isStudentObject(element, studentPackage)) {
                walk(element, path + ".", studentPackage, unwatchable, seen, depth + 1);
            } else if (!hasConditions && element != null) {
                Object fair = fairVersionOf(element);
                if (component.isInstance(fair)) {
                    array[i] = fair;
                    remember(path, fair);
                } else {
                    remember(path, element);
                }
            } else {
                remember(path, element);
            }
        }
    }

    /** The elements of a list of maps, locks or the student's objects; left alone if the list cannot change. */
    @SuppressWarnings("unchecked")
    private void walkElements(
            List<?> list,
            String name,
            String studentPackage,
            List<String> unwatchable,
            Set<Object> seen,
            int depth,
            boolean hasConditions) {
        List<Object> elements = (List<Object>) list;
        for (int i = 0; i < elements.size(); i++) {
            Object element = elements.get(i);
            String path = name + "[" + i + "]";
            try {
                if (element instanceof Map<?, ?> map) {
                    Map<Object, Object> watched = watchedVersionOf(Map.class, path, map);
                    elements.set(i, watched);
                    watchedFields.add(path);
                } else if (isStudentObject(element, studentPackage)) {
                    walk(element, path + ".", studentPackage, unwatchable, seen, depth + 1);
                } else if (!hasConditions && element != null) {
                    Object fair = fairVersionOf(element);
                    elements.set(i, fair);
                    remember(path, fair);
                } else {
                    remember(path, element);
                }
            } catch (UnsupportedOperationException | ClassCastException | ArrayStoreException e) {
                if (element instanceof Map<?, ?>) {
                    unwatchable.add(path + " (" + element.getClass().getSimpleName() + ")");
                }
            }
        }
    }

    /** Keeps a lock, or an object made only to be locked ({@code new Object()}), as a guard of the store. */
    private void remember(String name, Object value) {
        if (value instanceof Lock
                || value instanceof ReadWriteLock
                || (value != null && value.getClass() == Object.class)) {
            guards.put(name, value);
        }
    }

    /** The guards of the store the current thread holds, by name, sorted; those whose holder cannot be told are left out. */
    private List<String> heldGuards() {
        return guards.entrySet().stream()
                .filter(guard -> heldByCurrentThread(guard.getValue()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private static boolean heldByCurrentThread(Object guard) {
        if (guard instanceof ReentrantLock lock && lock.isHeldByCurrentThread()) {
            return true;
        }
        if (guard instanceof ReentrantReadWriteLock lock
                && (lock.isWriteLockedByCurrentThread() || lock.getReadHoldCount() > 0)) {
            return true;
        }
        return Thread.holdsLock(guard);
    }

    /** Whether the value is an object of the submission's own classes, whose fields may hold its maps. */
    private static boolean isStudentObject(Object value, String studentPackage) {
        return value != null
                && !value.getClass().isArray()
                && value.getClass().getPackageName().equals(studentPackage);
    }

    /** A watched map that fits where the map is kept (a field's or an array's type), or null if none does. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> watchedVersionOf(Class<?> slot, String name, Map<?, ?> map) {
        if (slot.isAssignableFrom(Map.class)) {
            return WatchedMap.of(this, name, (Map<Object, Object>) map);
        }
        if (slot.isAssignableFrom(WatchedHashMap.class) && map.getClass() == HashMap.class) {
            return new WatchedHashMap(this, name, (Map<Object, Object>) map);
        }
        return null;
    }

    /** A fair lock of the same class in place of an unfair one that nobody holds; anything else as it is. */
    private static Object fairVersionOf(Object value) {
        if (value.getClass() == ReentrantLock.class
                && !((ReentrantLock) value).isLocked()
                && !((ReentrantLock) value).isFair()) {
            return new ReentrantLock(true);
        }
        if (value.getClass() == ReentrantReadWriteLock.class) {
            ReentrantReadWriteLock lock = (ReentrantReadWriteLock) value;
            if (!lock.isFair() && !lock.isWriteLocked() && lock.getReadLockCount() == 0) {
                return new ReentrantReadWriteLock(true);
            }
        }
        return value;
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static Object read(Field field, Object instance) {
        try {
            field.setAccessible(true);
            return field.get(instance);
        } catch (IllegalAccessException | InaccessibleObjectException e) {
            return null;
        }
    }

    /** Replaces the field's value; false if the JVM does not allow it (a record's field, say). */
    private static boolean write(Field field, Object instance, Object value) {
        try {
            field.setAccessible(true);
            field.set(instance, value);
            return true;
        } catch (IllegalAccessException | InaccessibleObjectException e) {
            return false;
        }
    }

    /** Where the watched maps are kept, as paths from the store ({@code readings}, {@code maps[3]}). */
    List<String> watchedFields() {
        return List.copyOf(watchedFields);
    }

    /** From now on, the current thread's map operations are logged as this call's. */
    void bind(Call call) {
        calls.put(Thread.currentThread(), call);
    }

    void unbind() {
        calls.remove(Thread.currentThread());
    }

    /** The next time this call enters a map operation, it stays inside until {@link #release()}. */
    void holdFirstOperationOf(Call call) {
        toHold = call;
    }

    /** Waits until the call to hold is inside its operation; false if it is not there in time. */
    boolean awaitHeld(Duration within) throws InterruptedException {
        return arrived.await(within.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The operation the held call is inside, once it is held. */
    MapEvent held() {
        return held;
    }

    void release() {
        released.countDown();
    }

    /** Whether this call has entered any map operation yet. */
    boolean touched(Call call) {
        return events.stream().anyMatch(event -> event.call().equals(call));
    }

    /** Everything logged, in order. */
    List<MapEvent> events() {
        List<MapEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(MapEvent::seq));
        return sorted;
    }

    /** Called by a watched map before each operation: logs it, and holds the chosen call there. */
    void enter(String map, String operation, boolean write, Object key) {
        Call call = calls.get(Thread.currentThread());
        if (call == null) {
            return; // not one of the interleaving's calls (the test's own setup)
        }
        MapEvent event = new MapEvent(clock.incrementAndGet(), call, true, map, operation, write, key, heldGuards());
        events.add(event);
        if (call.equals(toHold) && holding.compareAndSet(false, true)) {
            held = event;
            arrived.countDown();
            try {
                released.await(HOLD_LIMIT.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called by a watched map after each operation, however it ended. */
    void exit(String map, String operation, boolean write, Object key) {
        Call call = calls.get(Thread.currentThread());
        if (call != null) {
            events.add(new MapEvent(clock.incrementAndGet(), call, false, map, operation, write, key, List.of()));
        }
    }
}
