package lab.bounded;

import org.socklab.grader.bounded.BoundedTests;

/**
 * Grades exercise 3 (bounded) against your {@link BoundedServer}. Run it alone with
 * {@code mvn test -Dtest=BoundedServerTest}, or from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class BoundedServerTest extends BoundedTests {
}
