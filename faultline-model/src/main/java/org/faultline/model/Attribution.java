package org.faultline.model;

/**
 * Who reports or claims an event ("Western officials confirmed", "a prisoner said on video").
 *
 * @param text  the source as written
 * @param code  country/organisation code of the source when resolved, else {@code null}
 * @param verb  the reporting verb lemma (say, claim, confirm, ...)
 */
public record Attribution(String text, String code, String verb) {
}
