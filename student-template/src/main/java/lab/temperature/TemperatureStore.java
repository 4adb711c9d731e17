package lab.temperature;

import java.util.Optional;

/**
 * The shared store of exercise 4: the latest reading of each city, safe to use from many threads
 * at once.
 *
 * <p>{@link TemperatureServer#serve} creates one store and hands it to every handler thread. The
 * grader also calls this class directly, from many threads at the same time, so the store itself
 * must be thread-safe: it cannot count on the server to be careful for it.
 *
 * <h2>What to build</h2>
 *
 * <p>A plain {@link java.util.HashMap} from city to {@link Reading}, plus one lock that every
 * method holds while it touches the map, reads included. The lock can be a
 * {@link java.util.concurrent.locks.ReentrantLock} in a {@code final} field, or Java's built-in
 * {@code synchronized} (on a private {@code final Object}, or on the methods). A
 * {@link java.util.concurrent.ConcurrentHashMap} would also be thread-safe, but the lock is the
 * lesson here and the grader looks for it.
 *
 * <h2>What goes wrong without a lock</h2>
 *
 * <p>A {@code HashMap} is not written for several threads, and when they share one without a lock
 * the failures are silent and rare, which makes them nasty:
 * <ul>
 *   <li><b>Lost updates.</b> {@code put} is many small steps: find the bucket, look at it, link
 *       a new node, count it. Two threads that run {@code put} at the same moment can both see the
 *       same empty bucket, and the second link overwrites the first: a station was told
 *       {@code BYE}, yet its city is not in the map.</li>
 *   <li><b>A corrupted map.</b> When the map grows, it moves every entry to a bigger table. A
 *       {@code put} from another thread during the move can land in the old table and vanish, a
 *       {@code get} can search a half-filled table and miss a city that is there, and the size
 *       stops matching the contents. Nothing throws; the map is simply wrong from then on.</li>
 *   <li><b>Torn records.</b> If a reading is kept in pieces (the maximum in one map and the
 *       minimum in another, or one object whose fields are set one at a time), another thread
 *       can run between the pieces and see the new maximum with the old minimum: a reading that
 *       no station ever sent, maybe even with max &lt; min. Taking the lock separately for each
 *       piece does not help; one lock must cover the whole update. The easy way out: store each
 *       reading as one immutable {@link Reading} and replace it with a single {@code put} while
 *       holding the lock.</li>
 * </ul>
 *
 * <h2>Why {@code get} takes the lock too</h2>
 * <ul>
 *   <li><b>Visibility.</b> Without synchronization, Java does not promise that one thread ever
 *       sees what another thread wrote, nor that it sees the writes in the order they were made.
 *       Releasing a lock publishes everything written before it to the next thread that takes
 *       the <em>same</em> lock. A reader that skips the lock gets no such promise.</li>
 *   <li><b>Never half of an update.</b> While a writer is in the middle of a {@code put} (or of
 *       growing the table), a reader without the lock can walk into the half-done structure. With
 *       the lock, a reader always sees the map either before or after each whole update.</li>
 * </ul>
 *
 * <h2>Why {@code unlock} goes in {@code finally}</h2>
 *
 * <p>Write every locked section as
 * {@code lock.lock(); try { ... } finally { lock.unlock(); }}. If anything between
 * {@code lock()} and {@code unlock()} throws (a check that rejects a value, a
 * {@link NullPointerException}, a bug) and the {@code unlock()} is not in {@code finally}, the
 * lock stays held forever, by a thread that may even have finished. Every later client then waits
 * in {@code lock()} for good: the server still accepts connections but never answers anyone
 * again. ({@code synchronized} releases its lock by itself, even when an exception escapes.)
 *
 * <p>Also: one lock for the whole store, created once, in a {@code final} field. A lock created
 * inside a method, or one per handler thread, is a different lock for every caller, and a lock
 * that nobody else takes guards nothing.
 *
 * <h2>Thread safety</h2>
 *
 * <p>Every public method may be called from any number of threads at the same time. The store
 * does not trim or validate: the server trims the city and checks the numbers before it calls
 * {@link #record}, and the store keeps the city exactly as it is given.
 */
public final class TemperatureStore {

    /**
     * One city's reading: the day's maximum and minimum, in whole degrees. A record is immutable,
     * so a reading can be handed to another thread without any further care.
     *
     * @param city the city, already trimmed
     * @param max the maximum
     * @param min the minimum
     */
    public record Reading(String city, int max, int min) {
    }

    /** Creates an empty store. */
    public TemperatureStore() {
        throw new UnsupportedOperationException("exercise 4 (temperature): not implemented yet");
    }

    /**
     * Makes this reading the city's latest one, replacing any older reading of the same city.
     * Callers pass valid values ({@code max >= min}, city not empty); the server checks them first.
     *
     * @param city the city, exactly as it will be looked up by {@link #get}
     * @param max the maximum, at least {@code min}
     * @param min the minimum
     */
    public void record(String city, int max, int min) {
        throw new UnsupportedOperationException("exercise 4 (temperature): not implemented yet");
    }

    /**
     * Returns the city's latest reading, or an empty {@link Optional} if none was recorded.
     * Must be safe while other threads record readings.
     *
     * @param city the city, compared exactly (same case, same accents)
     * @return the latest reading of that city, or empty
     */
    public Optional<Reading> get(String city) {
        throw new UnsupportedOperationException("exercise 4 (temperature): not implemented yet");
    }
}
