package org.socklab.grader.temperature;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.socklab.grader.feedback.Feedback;

/**
 * What two calls of an {@link Interleaving} did to the store's maps, in order, and what each call
 * returned; and the three ways a store can be caught by it. None of them can happen in a store
 * whose every call holds one shared lock around all its map operations; each is reported with
 * the operations that show it.
 *
 * @param events the map operations, in the order they happened
 * @param first the call that was held
 * @param second the call started while the first was held
 * @param firstResult what the first call returned ({@code get}) or nothing
 * @param secondResult what the second call returned ({@code get}) or nothing
 * @param after the city's reading once both calls had returned
 */
record Trace(
        List<MapEvent> events,
        Call first,
        Call second,
        Optional<Reading> firstResult,
        Optional<Reading> secondResult,
        Optional<Reading> after) {

    /**
     * Two threads inside the same map at once, one of them changing it: the map is not guarded (two
     * {@code get}s together are fine, since a read-write lock allows them; so are two calls in two
     * different maps, since a striped store guards each map with a lock of its own). When both
     * held locks of the store, but different ones, that is what is told: the map has two guards.
     */
    Optional<Feedback> bothInside() {
        Map<Call, MapEvent> inside = new HashMap<>();
        for (MapEvent event : events) {
            if (!event.enter()) {
                inside.remove(event.call());
                continue;
            }
            for (MapEvent other : inside.values()) {
                if (!other.call().equals(event.call())
                        && other.map().equals(event.map())
                        && (other.call().writer() || event.call().writer())) {
                    if (event.guardedApartFrom(other)) {
                        return Optional.of(TemperatureFeedback.differentLocks(
                                other.call().toString(),
                                other.operationShown(),
                                String.join(", ", other.held()),
                                event.call().toString(),
                                event.operationShown(),
                                String.join(", ", event.held())));
                    }
                    return Optional.of(TemperatureFeedback.bothInside(
                            other.call().toString(),
                            other.operationShown(),
                            event.call().toString(),
                            event.operationShown()));
                }
            }
            inside.put(event.call(), event);
        }
        return Optional.empty();
    }

    /**
     * A {@code record} that changed the map in two steps, with the other call using it in between:
     * the lock was let go in the middle of an update, so a reading can be left half old, half new.
     */
    Optional<Feedback> splitWrite() {
        for (Call call : List.of(first, second)) {
            List<MapEvent> writes = events.stream()
                    .filter(event ->
                            event.enter() && event.write() && event.call().equals(call))
                    .toList();
            if (writes.size() < 2) {
                continue;
            }
            MapEvent from = writes.get(0);
            MapEvent to = writes.get(writes.size() - 1);
            Optional<MapEvent> between = events.stream()
                    .filter(event -> event.enter()
                            && !event.call().equals(call)
                            && event.sameKeyAs(from)
                            && event.seq() > from.seq()
                            && event.seq() < to.seq())
                    .findFirst();
            if (between.isPresent()) {
                return Optional.of(TemperatureFeedback.splitWrite(
                        call.toString(),
                        from.operationShown(),
                        to.operationShown(),
                        between.get().call().toString(),
                        between.get().operationShown()));
            }
        }
        return Optional.empty();
    }

    /**
     * A {@code get} that read two maps in two steps, with a change in between: it can put together
     * the maximum of one reading and the minimum of another.
     */
    Optional<Feedback> splitRead() {
        for (Call call : List.of(first, second)) {
            List<MapEvent> reads = events.stream()
                    .filter(event ->
                            event.enter() && !event.write() && event.call().equals(call))
                    .toList();
            if (reads.isEmpty()) {
                continue;
            }
            MapEvent from = reads.get(0);
            Optional<MapEvent> to = reads.stream()
                    .filter(event -> !event.map().equals(from.map()))
                    .findFirst();
            if (to.isEmpty()) {
                continue;
            }
            Optional<MapEvent> between = events.stream()
                    .filter(event -> event.enter()
                            && event.write()
                            && !event.call().equals(call)
                            && event.sameKeyAs(from)
                            && event.seq() > from.seq()
                            && event.seq() < to.get().seq())
                    .findFirst();
            if (between.isPresent()) {
                return Optional.of(TemperatureFeedback.splitRead(
                        call.toString(),
                        from.operationShown(),
                        to.get().operationShown(),
                        between.get().call().toString(),
                        between.get().operationShown()));
            }
        }
        return Optional.empty();
    }
}
