package lab.temperature;

import org.socklab.grader.temperature.TemperatureTests;

/**
 * Grades exercise 4 (temperature) against your {@link TemperatureServer} and
 * {@link TemperatureStore}. Run it alone with {@code mvn test -Dtest=TemperatureServerTest}, or
 * from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class TemperatureServerTest extends TemperatureTests {
}
