package org.socklab.cli.experiment;

import org.socklab.grader.feedback.Feedback;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The experiment's words, as values (key and arguments) rendered at the edge in the reader's
 * language, from {@code messages.properties} and {@code messages_pt_BR.properties} beside this
 * class. Stateless and thread-safe.
 */
final class Messages {
    static final MessageBundle BUNDLE = MessageBundle.beside(Messages.class);

    private Messages() {}

    static Feedback of(String key, Object... arguments) {
        return Feedback.of(BUNDLE, key, arguments);
    }

    static Feedback noCompiler() {
        return of("error.noCompiler");
    }

    static Feedback serverName(Server server, String submission) {
        return server == Server.SEQUENTIAL_BASELINE ? of("server.sequential") : of("server.submission", submission);
    }
}
