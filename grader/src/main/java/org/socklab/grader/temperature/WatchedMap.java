package org.socklab.grader.temperature;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;

/**
 * A map that does what the store's own map does (a {@link Proxy} that forwards every call to it)
 * and tells a {@link StoreWatch} when each operation starts and ends. It replaces a map the store
 * keeps where a {@code Map} fits (a field, an array element). Exactly as thread-safe as the map it
 * forwards to.
 */
final class WatchedMap implements InvocationHandler {
    private static final Set<String> WRITES = Set.of(
            "put",
            "remove",
            "putAll",
            "clear",
            "replaceAll",
            "putIfAbsent",
            "replace",
            "computeIfAbsent",
            "computeIfPresent",
            "compute",
            "merge");
    /** The operations whose first argument is a key (the others work on the whole map). */
    private static final Set<String> KEYED = Set.of(
            "containsKey",
            "get",
            "getOrDefault",
            "put",
            "remove",
            "putIfAbsent",
            "replace",
            "computeIfAbsent",
            "computeIfPresent",
            "compute",
            "merge");

    private final StoreWatch watch;
    private final String name;
    private final Map<Object, Object> map;

    private WatchedMap(StoreWatch watch, String name, Map<Object, Object> map) {
        this.watch = watch;
        this.name = name;
        this.map = map;
    }

    /** A watched view of the map: the same contents, every operation reported to the watch as the map {@code name}. */
    @SuppressWarnings("unchecked")
    static Map<Object, Object> of(StoreWatch watch, String name, Map<Object, Object> map) {
        return (Map<Object, Object>) Proxy.newProxyInstance(
                WatchedMap.class.getClassLoader(), new Class<?>[] {Map.class}, new WatchedMap(watch, name, map));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == arguments[0] || map.equals(arguments[0]);
                case "hashCode" -> map.hashCode();
                default -> map.toString();
            };
        }
        String operation = method.getName();
        boolean write = WRITES.contains(operation);
        Object key = KEYED.contains(operation) && arguments != null && arguments.length > 0 ? arguments[0] : null;
        watch.enter(name, operation, write, key);
        try {
            return method.invoke(map, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            watch.exit(name, operation, write, key);
        }
    }
}
