package org.faultline.coding;

import java.util.ArrayList;
import java.util.List;
import org.faultline.nlp.Dependency;
import org.faultline.nlp.ParsedSentence;
import org.faultline.nlp.Token;

/**
 * Builds a {@link ParsedSentence} by hand, for tests that must not load CoreNLP. Each token is looked up in
 * the literal text after the previous one, so its offsets are the real ones; a word that is not there fails
 * at once. Not thread-safe (one builder per sentence).
 */
public final class HandBuiltSentence {
    private final String text;
    private final int index;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();
    private int cursor;

    private HandBuiltSentence(String text, int index) {
        this.text = text;
        this.index = index;
    }

    /** A builder for sentence 0 of a document whose whole text is {@code text}. */
    public static HandBuiltSentence in(String text) {
        return new HandBuiltSentence(text, 0);
    }

    /** An ordinary token (NER "O", no normalised value). */
    public HandBuiltSentence token(String word, String lemma, String pos) {
        return add(word, lemma, pos, "O", null);
    }

    /** A token inside a DATE expression with the value SUTime would give it. */
    public HandBuiltSentence date(String word, String lemma, String pos, String normalized) {
        return add(word, lemma, pos, "DATE", normalized);
    }

    /** A dependency arc; {@code governor} -1 marks the root. */
    public HandBuiltSentence dep(int governor, int dependent, String relation) {
        dependencies.add(new Dependency(governor, dependent, relation));
        return this;
    }

    public String text() {
        return text;
    }

    public ParsedSentence build() {
        if (tokens.isEmpty()) {
            throw new IllegalStateException("no tokens in \"" + text + "\"");
        }
        return new ParsedSentence(index, tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), tokens,
                dependencies, true);
    }

    private HandBuiltSentence add(String word, String lemma, String pos, String ner, String normalized) {
        int at = text.indexOf(word, cursor);
        if (at < 0) {
            throw new IllegalArgumentException("token '" + word + "' does not occur in \"" + text + "\" after offset "
                    + cursor);
        }
        tokens.add(new Token(tokens.size(), word, lemma, pos, ner, normalized, at, at + word.length()));
        cursor = at + word.length();
        return this;
    }
}
