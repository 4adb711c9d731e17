package org.socklab.grader.temperature;

import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A thread entering or leaving one operation on one of the store's maps, in the order the watch
 * saw it ({@code seq}, from one counter shared by every thread).
 *
 * @param seq the position in the watch's log
 * @param call the store call that made the operation
 * @param enter whether the operation starts here (or ends)
 * @param map the name of the store's field that holds the map
 * @param operation the map's method, e.g. {@code put}
 * @param write whether the operation changes the map
 * @param key the key it was given, or null for operations on the whole map
 * @param held the store's locks the thread held at that moment, by where the store keeps them
 *     ({@code lock}, {@code locks[3]}, {@code this} for the store's monitor); empty when it held
 *     none, or none the watch can see (a lock made inside the call is not the store's)
 */
record MapEvent(
        long seq,
        Call call,
        boolean enter,
        String map,
        String operation,
        boolean write,
        Object key,
        List<String> held) {

    MapEvent {
        held = List.copyOf(held);
    }

    /** The operation as a student reads it: {@code readings.put("Recife")}. */
    String operationShown() {
        return map + "." + operation + "(" + (key instanceof String text ? "\"" + text + "\"" : key == null ? "" : key)
                + ")";
    }

    /** Whether this operation and the other one could touch the same city. */
    boolean sameKeyAs(MapEvent other) {
        return key == null || other.key == null || Objects.equals(key, other.key);
    }

    /** Whether both operations held locks of the store, but none in common: one map, guarded by two locks. */
    boolean guardedApartFrom(MapEvent other) {
        return !held.isEmpty() && !other.held.isEmpty() && Collections.disjoint(held, other.held);
    }
}
