package org.faultline.nlp;

/**
 * A basic Universal Dependencies arc between two tokens of one sentence.
 *
 * @param governor  index of the head token, or -1 for the root
 * @param dependent index of the dependent token
 * @param relation  UD relation with subtype ("nsubj", "obl", "nmod:poss", "compound:prt", ...)
 */
public record Dependency(int governor, int dependent, String relation) {
}
