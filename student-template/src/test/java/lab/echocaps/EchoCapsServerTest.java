package lab.echocaps;

import org.socklab.grader.echocaps.EchoCapsTests;

/**
 * Grades exercise 1 (echocaps) against your {@link EchoCapsServer}. Run it alone with
 * {@code mvn test -Dtest=EchoCapsServerTest}, or from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class EchoCapsServerTest extends EchoCapsTests {
}
