package lab.chat;

import org.socklab.grader.chat.ChatTests;

/**
 * Grades exercise 6 (chat) against your {@link ChatServer}. Run it alone with
 * {@code mvn test -Dtest=ChatServerTest}, or from your IDE.
 *
 * <p>The tests themselves come from the grader; this class only points them at your code. Changing
 * it changes nothing in your real grade, which is computed from the grader's own copy.
 */
class ChatServerTest extends ChatTests {
}
