package org.faultline.nlp;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Turns text into {@link ParsedDocument}s. Implementations load their models once and are thread-safe.
 */
public interface NlpPipeline {
    /** Sentences longer than this many tokens are tagged but never parsed (the parser's cost grows too fast). */
    int MAX_PARSE_TOKENS = 120;

    /**
     * @param docId  document id, for messages
     * @param text   the text
     * @param date   the document date (relative dates resolve against it)
     * @param worthParsing decides, from the tokens, POS and lemmas alone, whether a sentence gets the costly
     *               NER and dependency parse; sentences that fail it keep only tokens
     */
    ParsedDocument parse(String docId, String text, LocalDate date, Predicate<ParsedSentence> worthParsing);

    /** Annotators and models in use, recorded in the coder version. */
    String description();
}
