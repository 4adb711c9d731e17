package org.socklab.grader.temperature;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A {@link HashMap} that tells a {@link StoreWatch} when each operation starts and ends: it
 * replaces a store field declared as {@code HashMap}, which a forwarding {@link WatchedMap} cannot
 * fill. It starts with the contents of the map it replaces. Not thread-safe, like any HashMap.
 */
final class WatchedHashMap extends HashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final transient StoreWatch watch;
    private final String name;

    WatchedHashMap(StoreWatch watch, String name, Map<Object, Object> contents) {
        super(contents);
        this.watch = watch;
        this.name = name;
    }

    private <T> T read(String operation, Object key, Supplier<T> body) {
        return watched(operation, false, key, body);
    }

    private <T> T write(String operation, Object key, Supplier<T> body) {
        return watched(operation, true, key, body);
    }

    private <T> T watched(String operation, boolean write, Object key, Supplier<T> body) {
        if (watch == null) {
            return body.get(); // inside HashMap's own constructor, before the watch is set
        }
        watch.enter(name, operation, write, key);
        try {
            return body.get();
        } finally {
            watch.exit(name, operation, write, key);
        }
    }

    @Override
    public int size() {
        return read("size", null, super::size);
    }

    @Override
    public boolean isEmpty() {
        return read("isEmpty", null, super::isEmpty);
    }

    @Override
    public boolean containsKey(Object key) {
        return read("containsKey", key, () -> super.containsKey(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return read("containsValue", null, () -> super.containsValue(value));
    }

    @Override
    public Object get(Object key) {
        return read("get", key, () -> super.get(key));
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        return read("getOrDefault", key, () -> super.getOrDefault(key, defaultValue));
    }

    @Override
    public Object put(Object key, Object value) {
        return write("put", key, () -> super.put(key, value));
    }

    @Override
    public Object remove(Object key) {
        return write("remove", key, () -> super.remove(key));
    }

    @Override
    public void putAll(Map<?, ?> other) {
        write("putAll", null, () -> {
            super.putAll(other);
            return null;
        });
    }

    @Override
    public void clear() {
        write("clear", null, () -> {
            super.clear();
            return null;
        });
    }

    @Override
    public Set<Object> keySet() {
        return read("keySet", null, super::keySet);
    }

    @Override
    public Collection<Object> values() {
        return read("values", null, super::values);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return read("entrySet", null, super::entrySet);
    }

    @Override
    public void forEach(BiConsumer<? super Object, ? super Object> action) {
        read("forEach", null, () -> {
            super.forEach(action);
            return null;
        });
    }

    @Override
    public void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        write("replaceAll", null, () -> {
            super.replaceAll(function);
            return null;
        });
    }

    @Override
    public Object putIfAbsent(Object key, Object value) {
        return write("putIfAbsent", key, () -> super.putIfAbsent(key, value));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return write("remove", key, () -> super.remove(key, value));
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        return write("replace", key, () -> super.replace(key, oldValue, newValue));
    }

    @Override
    public Object replace(Object key, Object value) {
        return write("replace", key, () -> super.replace(key, value));
    }

    @Override
    public Object computeIfAbsent(Object key, Function<? super Object, ?> function) {
        return write("computeIfAbsent", key, () -> super.computeIfAbsent(key, function));
    }

    @Override
    public Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        return write("computeIfPresent", key, () -> super.computeIfPresent(key, function));
    }

    @Override
    public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        return write("compute", key, () -> super.compute(key, function));
    }

    @Override
    public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
        return write("merge", key, () -> super.merge(key, value, function));
    }
}
