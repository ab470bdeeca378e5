package org.faultline.nlp;

/**
 * One token of a sentence.
 *
 * @param index      zero-based index within its sentence
 * @param word       the token as written
 * @param lemma      lower-cased lemma
 * @param pos        Penn Treebank part-of-speech tag
 * @param ner        named-entity tag (PERSON, LOCATION, ORGANIZATION, DATE, ...) or "O"; "O" for unparsed sentences
 * @param normalized normalised value of a DATE/DURATION/NUMBER token (TIMEX value or number), else {@code null}
 * @param start      half-open character span into the document text
 * @param end        end of that span (exclusive)
 */
public record Token(int index, String word, String lemma, String pos, String ner, String normalized, int start, int end) {
    public boolean isVerb() {
        return pos.startsWith("VB");
    }

    public boolean isNoun() {
        return pos.startsWith("NN");
    }

    public boolean isProperNoun() {
        return pos.startsWith("NNP");
    }

    /** A plural noun, common or proper ("troops", "Americans"). */
    public boolean isPluralNoun() {
        return pos.equals("NNS") || pos.equals("NNPS");
    }
}
