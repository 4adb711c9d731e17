package org.socklab.grader.temperature;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import org.socklab.grader.Exercise;
import org.socklab.grader.feedback.GradedFailure;
import org.socklab.grader.harness.Servers;

/**
 * One fresh instance of the submission's {@code TemperatureStore}, called directly rather than over
 * sockets, through method handles (fast enough for stress loops). Whatever the store throws comes
 * back as a {@link GradedFailure} that names the call; the untouched stub reads as "not implemented
 * yet".
 *
 * <p>As thread-safe as the submission's store is: that is what the tests find out.
 */
final class StoreUnderTest {
    static final String CLASS = "TemperatureStore";
    static final String FULL_NAME = Exercise.TEMPERATURE.studentPackage() + "." + CLASS;

    private final Class<?> type;
    private final Object store;
    private final MethodHandle record;
    private final MethodHandle get;
    private final MethodHandle city;
    private final MethodHandle max;
    private final MethodHandle min;

    private StoreUnderTest(
            Class<?> type,
            Object store,
            MethodHandle record,
            MethodHandle get,
            MethodHandle city,
            MethodHandle max,
            MethodHandle min) {
        this.type = type;
        this.store = store;
        this.record = record;
        this.get = get;
        this.city = city;
        this.max = max;
        this.min = min;
    }

    /** A new store of the submission, made with its public no-argument constructor. */
    static StoreUnderTest create(Servers servers) {
        Class<?> type = servers.loadClass(CLASS);
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            Class<?> reading = Class.forName(type.getName() + "$Reading", true, type.getClassLoader());
            MethodHandle constructor = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
            MethodHandle record = lookup.findVirtual(
                            type, "record", MethodType.methodType(void.class, String.class, int.class, int.class))
                    .asType(MethodType.methodType(void.class, Object.class, String.class, int.class, int.class));
            MethodHandle get = lookup.findVirtual(type, "get", MethodType.methodType(Optional.class, String.class))
                    .asType(MethodType.methodType(Optional.class, Object.class, String.class));
            MethodHandle city = accessor(lookup, reading, "city", String.class);
            MethodHandle max = accessor(lookup, reading, "max", int.class);
            MethodHandle min = accessor(lookup, reading, "min", int.class);
            Object store;
            try {
                store = (Object) constructor.invokeExact();
            } catch (Throwable thrown) {
                throw failure("new " + CLASS + "()", thrown);
            }
            return new StoreUnderTest(type, store, record, get, city, max, min);
        } catch (ReflectiveOperationException e) {
            throw new GradedFailure(
                    TemperatureFeedback.storeApiMissing(type.getName(), String.valueOf(e.getMessage())), e);
        }
    }

    private static MethodHandle accessor(MethodHandles.Lookup lookup, Class<?> reading, String name, Class<?> result)
            throws ReflectiveOperationException {
        return lookup.findVirtual(reading, name, MethodType.methodType(result))
                .asType(MethodType.methodType(result, Object.class));
    }

    /** Calls {@code record(city, max, min)}. */
    void record(String city, int max, int min) {
        try {
            record.invokeExact(store, city, max, min);
        } catch (Throwable thrown) {
            throw failure(describeRecord(city, max, min), thrown);
        }
    }

    /** Calls {@code get(city)}. */
    Optional<Reading> get(String city) {
        Optional<?> found;
        try {
            found = (Optional<?>) get.invokeExact(store, city);
        } catch (Throwable thrown) {
            throw failure(describeGet(city), thrown);
        }
        if (found == null) {
            throw new GradedFailure(TemperatureFeedback.storeReturnedNull(describeGet(city)));
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Object reading = found.get();
        try {
            return Optional.of(
                    new Reading((String) this.city.invokeExact(reading), (int) max.invokeExact(reading), (int)
                            min.invokeExact(reading)));
        } catch (Throwable thrown) {
            throw failure(describeGet(city), thrown);
        }
    }

    Object instance() {
        return store;
    }

    Class<?> type() {
        return type;
    }

    static String describeRecord(String city, int max, int min) {
        return "record(\"" + city + "\", " + max + ", " + min + ")";
    }

    static String describeGet(String city) {
        return "get(\"" + city + "\")";
    }

    /** What a student's exception means for the student: the stub, or a call that threw. */
    private static GradedFailure failure(String call, Throwable thrown) {
        if (thrown instanceof GradedFailure failure) {
            return failure;
        }
        if (thrown instanceof UnsupportedOperationException) {
            return new GradedFailure(TemperatureFeedback.storeNotImplemented(FULL_NAME), thrown);
        }
        if (thrown instanceof VirtualMachineError error && !(thrown instanceof StackOverflowError)) {
            throw error;
        }
        return new GradedFailure(
                TemperatureFeedback.storeThrew(call, thrown.getClass().getName(), String.valueOf(thrown.getMessage())),
                thrown);
    }
}
