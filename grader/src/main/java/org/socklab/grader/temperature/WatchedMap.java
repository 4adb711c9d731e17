package org.socklab.grader.temperature;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A map that does what the store's own map does (it forwards every call to it) and tells a
 * {@link StoreWatch} when each operation starts and ends. It replaces a store field declared as
 * {@code Map}. Exactly as thread-safe as the map it forwards to.
 */
final class WatchedMap implements Map<Object, Object> {
    private final StoreWatch watch;
    private final String name;
    private final Map<Object, Object> map;

    WatchedMap(StoreWatch watch, String name, Map<Object, Object> map) {
        this.watch = watch;
        this.name = name;
        this.map = map;
    }

    private <T> T read(String operation, Object key, Supplier<T> body) {
        return watched(operation, false, key, body);
    }

    private <T> T write(String operation, Object key, Supplier<T> body) {
        return watched(operation, true, key, body);
    }

    private <T> T watched(String operation, boolean write, Object key, Supplier<T> body) {
        watch.enter(name, operation, write, key);
        try {
            return body.get();
        } finally {
            watch.exit(name, operation, write, key);
        }
    }

    @Override
    public int size() {
        return read("size", null, map::size);
    }

    @Override
    public boolean isEmpty() {
        return read("isEmpty", null, map::isEmpty);
    }

    @Override
    public boolean containsKey(Object key) {
        return read("containsKey", key, () -> map.containsKey(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return read("containsValue", null, () -> map.containsValue(value));
    }

    @Override
    public Object get(Object key) {
        return read("get", key, () -> map.get(key));
    }

    @Override
    public Object getOrDefault(Object key, Object defaultValue) {
        return read("getOrDefault", key, () -> map.getOrDefault(key, defaultValue));
    }

    @Override
    public Object put(Object key, Object value) {
        return write("put", key, () -> map.put(key, value));
    }

    @Override
    public Object remove(Object key) {
        return write("remove", key, () -> map.remove(key));
    }

    @Override
    public void putAll(Map<?, ?> other) {
        write("putAll", null, () -> {
            map.putAll(other);
            return null;
        });
    }

    @Override
    public void clear() {
        write("clear", null, () -> {
            map.clear();
            return null;
        });
    }

    @Override
    public Set<Object> keySet() {
        return read("keySet", null, map::keySet);
    }

    @Override
    public Collection<Object> values() {
        return read("values", null, map::values);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return read("entrySet", null, map::entrySet);
    }

    @Override
    public void forEach(BiConsumer<? super Object, ? super Object> action) {
        read("forEach", null, () -> {
            map.forEach(action);
            return null;
        });
    }

    @Override
    public void replaceAll(BiFunction<? super Object, ? super Object, ?> function) {
        write("replaceAll", null, () -> {
            map.replaceAll(function);
            return null;
        });
    }

    @Override
    public Object putIfAbsent(Object key, Object value) {
        return write("putIfAbsent", key, () -> map.putIfAbsent(key, value));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return write("remove", key, () -> map.remove(key, value));
    }

    @Override
    public boolean replace(Object key, Object oldValue, Object newValue) {
        return write("replace", key, () -> map.replace(key, oldValue, newValue));
    }

    @Override
    public Object replace(Object key, Object value) {
        return write("replace", key, () -> map.replace(key, value));
    }

    @Override
    public Object computeIfAbsent(Object key, Function<? super Object, ?> function) {
        return write("computeIfAbsent", key, () -> map.computeIfAbsent(key, function));
    }

    @Override
    public Object computeIfPresent(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        return write("computeIfPresent", key, () -> map.computeIfPresent(key, function));
    }

    @Override
    public Object compute(Object key, BiFunction<? super Object, ? super Object, ?> function) {
        return write("compute", key, () -> map.compute(key, function));
    }

    @Override
    public Object merge(Object key, Object value, BiFunction<? super Object, ? super Object, ?> function) {
        return write("merge", key, () -> map.merge(key, value, function));
    }

    @Override
    public boolean equals(Object other) {
        return other == this || map.equals(other);
    }

    @Override
    public int hashCode() {
        return map.hashCode();
    }

    @Override
    public String toString() {
        return map.toString();
    }
}
