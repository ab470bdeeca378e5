package org.faultline.nlp;

import java.util.ArrayList;
import java.util.List;

/** Tokens written as "word/TAG/lemma" items, as a tagger gave them (the word may itself hold a slash). */
final class TaggedTokens {
    private TaggedTokens() {
    }

    static List<Token> of(String... wordTagLemma) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (String item : wordTagLemma) {
            int b = item.lastIndexOf('/');
            int a = item.lastIndexOf('/', b - 1);
            String word = item.substring(0, a);
            tokens.add(new Token(tokens.size(), word, item.substring(b + 1), item.substring(a + 1, b), "O", null, at,
                    at + word.length()));
            at += word.length() + 1;
        }
        return tokens;
    }
}
