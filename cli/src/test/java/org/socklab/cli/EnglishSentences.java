package org.socklab.cli;

import java.util.ArrayList;
import java.util.List;
import org.socklab.grader.feedback.Language;
import org.socklab.grader.feedback.MessageBundle;

/**
 * The English sentences of some bundles, to look for in a report that must be Portuguese: every
 * literal stretch of an English pattern (between placeholders) of three words or more that its
 * Portuguese pattern does not share. Stateless.
 */
final class EnglishSentences {
    private EnglishSentences() {}

    static List<String> of(List<MessageBundle> bundles) {
        List<String> sentences = new ArrayList<>();
        for (MessageBundle bundle : bundles) {
            for (String key : bundle.keys(Language.ENGLISH)) {
                String portuguese = bundle.pattern(key, Language.PORTUGUESE);
                for (String stretch :
                        bundle.pattern(key, Language.ENGLISH).replace("''", "'").split("\\{[^}]*\\}|\\n|'")) {
                    String sentence = stretch.strip();
                    if (sentence.split("\\s+").length >= 3 && !portuguese.contains(sentence)) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        return sentences;
    }
}
