package lab.queue;

import org.socklab.grader.queue.QueueTests;

/**
 * Grades exercise 5 (queue) against your {@link QueueServer}. Run it alone with
 * {@code mvn test -Dtest=QueueServerTest}, or from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class QueueServerTest extends QueueTests {
}
