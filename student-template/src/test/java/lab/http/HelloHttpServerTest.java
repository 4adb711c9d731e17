package lab.http;

import org.socklab.grader.http.HelloHttpTests;

/**
 * Grades exercise 2 (http) against your {@link HelloHttpServer}. Run it alone with
 * {@code mvn test -Dtest=HelloHttpServerTest}, or from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class HelloHttpServerTest extends HelloHttpTests {
}
