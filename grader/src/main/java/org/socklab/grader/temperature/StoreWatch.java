package org.socklab.grader.temperature;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.socklab.grader.feedback.GradedFailure;

/**
 * Watches one store from the inside, so that a forced interleaving can be set up and judged
 * without any timing: every map the store keeps in a field is replaced by a watched map that logs
 * each operation, and can hold one chosen call inside its first operation; and every
 * {@link ReentrantLock} or {@link ReentrantReadWriteLock} it keeps in a field is replaced by a
 * <em>fair</em> one, so that a thread queued on the lock is the next to get it when it is released.
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

    private final AtomicLong clock = new AtomicLong();
    private final ConcurrentLinkedQueue<MapEvent> events = new ConcurrentLinkedQueue<>();
    private final Map<Thread, Call> calls = new ConcurrentHashMap<>();
    private final List<String> watchedFields = new ArrayList<>();
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Call toHold;
    private volatile MapEvent held;

    private StoreWatch() {
    }

    /**
     * Watches the store's maps and makes its locks fair.
     *
     * @throws GradedFailure if the store keeps no map in a field that can be watched
     */
    static StoreWatch install(StoreUnderTest store) {
        StoreWatch watch = new StoreWatch();
        Object instance = store.instance();
        List<Field> fields = instanceFields(store.type());
        boolean hasConditions = fields.stream().anyMatch(field -> Condition.class.isAssignableFrom(field.getType()));
        List<String> unwatchable = new ArrayList<>();
        for (Field field : fields) {
            Object value = read(field, instance);
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> watched = watch.watchedVersionOf(field, map);
                if (watched != null && write(field, instance, watched)) {
                    watch.watchedFields.add(field.getName());
                } else {
                    unwatchable.add(field.getName() + " (" + field.getType().getSimpleName() + ")");
                }
            } else if (!hasConditions) {
                makeFair(field, instance, value);
            }
        }
        if (watch.watchedFields.isEmpty()) {
            throw new GradedFailure(TemperatureFeedback.noWatchableMap(
                    unwatchable.isEmpty() ? "-" : String.join(", ", unwatchable)));
        }
        return watch;
    }

    /** A watched map that fits the field, or null if none does. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> watchedVersionOf(Field field, Map<?, ?> map) {
        if (field.getType().isAssignableFrom(WatchedMap.class)) {
            return new WatchedMap(this, field.getName(), (Map<Object, Object>) map);
        }
        if (field.getType().isAssignableFrom(WatchedHashMap.class) && map.getClass() == HashMap.class) {
            return new WatchedHashMap(this, field.getName(), (Map<Object, Object>) map);
        }
        return null;
    }

    private static void makeFair(Field field, Object instance, Object value) {
        if (value != null && value.getClass() == ReentrantLock.class && !((ReentrantLock) value).isLocked()
                && field.getType().isAssignableFrom(ReentrantLock.class)) {
            write(field, instance, new ReentrantLock(true));
        } else if (value != null && value.getClass() == ReentrantReadWriteLock.class
                && field.getType().isAssignableFrom(ReentrantReadWriteLock.class)) {
            ReentrantReadWriteLock lock = (ReentrantReadWriteLock) value;
            if (!lock.isWriteLocked() && lock.getReadLockCount() == 0) {
                write(field, instance, new ReentrantReadWriteLock(true));
            }
        }
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

    /** The names of the store's fields whose maps are watched. */
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
        MapEvent event = new MapEvent(clock.incrementAndGet(), call, true, map, operation, write, key);
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
            events.add(new MapEvent(clock.incrementAndGet(), call, false, map, operation, write, key));
        }
    }
}
