package org.faultline.nlp;

import java.time.LocalDate;
import java.util.List;

/**
 * The NLP view of one document: its sentences with tokens, entities, dates and dependencies.
 *
 * @param docId     the document
 * @param text      the document text all offsets point into
 * @param date      the document date used to resolve relative time expressions
 * @param sentences the sentences in order
 */
public record ParsedDocument(String docId, String text, LocalDate date, List<ParsedSentence> sentences) {
    public ParsedDocument {
        sentences = List.copyOf(sentences);
    }
}
