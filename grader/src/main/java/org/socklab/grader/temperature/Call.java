package org.socklab.grader.temperature;

/**
 * One call to the store made by one of the threads of a forced interleaving, as a student reads it
 * in a message.
 *
 * @param who which thread, e.g. {@code writer 1}
 * @param what the call, e.g. {@code record("Recife", 40, 10)}
 * @param writer whether the call changes the store ({@code record}) rather than reads it ({@code get})
 */
record Call(String who, String what, boolean writer) {

    static Call record(String who, String city, int max, int min) {
        return new Call(who, StoreUnderTest.describeRecord(city, max, min), true);
    }

    static Call get(String who, String city) {
        return new Call(who, StoreUnderTest.describeGet(city), false);
    }

    @Override
    public String toString() {
        return who + " (" + what + ")";
    }
}
