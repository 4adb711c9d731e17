package org.socklab.grader.temperature;

import java.util.Optional;

/**
 * A city's reading as the tests see it, whether it came back over a socket or from a direct call
 * to the submission's store. Immutable.
 *
 * @param city the city
 * @param max the maximum
 * @param min the minimum
 */
record Reading(String city, int max, int min) {

    /** How the server writes it on the wire, and how the tests send it: {@code city,max,min}. */
    String line() {
        return city + "," + max + "," + min;
    }

    /** A reply such as {@code São Paulo,31,19} read back as a reading, if it is one. */
    static Optional<Reading> parse(String reply) {
        int second = reply.lastIndexOf(',');
        int first = second < 0 ? -1 : reply.lastIndexOf(',', second - 1);
        if (first <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Reading(
                    reply.substring(0, first),
                    Integer.parseInt(reply.substring(first + 1, second)),
                    Integer.parseInt(reply.substring(second + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
