package org.faultline.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * What the gate's tests share: the ONNX encoder, loaded once per test JVM (about a second) and the bundled head
 * and lexicon, and shallow sentences built by hand.
 */
final class GateFixture {
    static final SentenceEncoder ENCODER = new SentenceEncoder();
    static final RelevanceHead HEAD = RelevanceHead.bundled();
    static final CertainTriggers CERTAIN = CertainTriggers.bundled();

    private GateFixture() {
    }

    /**
     * A tagged, unparsed sentence of the whole text: tokens split at spaces (a final full stop its own token),
     * lemmas the lower-cased words unless given as {@code word/lemma}, tags {@code NN} unless given as
     * {@code word/lemma/TAG}.
     */
    static ParsedSentence shallow(String spec) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String part : spec.replaceAll("\\.$", " .").split(" ")) {
            String[] fields = part.split("/");
            String word = fields[0];
            String lemma = fields.length > 1 ? fields[1] : word.toLowerCase(Locale.ROOT);
            String tag = fields.length > 2 ? fields[2] : word.equals(".") ? "." : "NN";
            if (text.length() > 0 && !word.equals(".")) {
                text.append(' ');
            }
            int start = text.length();
            text.append(word);
            tokens.add(new Token(tokens.size(), word, lemma, tag, "O", null, start,
                    text.length()));
        }
        return new ParsedSentence(0, 0, text.length(), tokens, List.of(), false);
    }

    /** The text of a sentence {@link #shallow} built. */
    static String text(ParsedSentence s) {
        StringBuilder b = new StringBuilder();
        for (Token t : s.tokens()) {
            if (b.length() > 0 && !t.word().equals(".")) {
                b.append(' ');
            }
            b.append(t.word());
        }
        return b.toString();
    }
}
