package org.socklab.cli.report;

import java.util.List;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The command's own words (report labels, the lines it prints), in the language of the run:
 * {@code messages.properties} and {@code messages_pt_BR.properties} beside this class. The report
 * writers and the commands render them at the edge, as the grader's messages. Stateless.
 */
public final class ReportTexts {
    /** The command's messages, in every language. */
    public static final MessageBundle MESSAGES = MessageBundle.beside(ReportTexts.class);

    private ReportTexts() {}

    /** The text of {@code key} with its arguments, in the language. */
    public static String text(Language language, String key, Object... arguments) {
        return MESSAGES.format(key, language, List.of(arguments));
    }
}
