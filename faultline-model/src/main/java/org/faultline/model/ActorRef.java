package org.faultline.model;

/**
 * An actor or recipient of an event as found in the text.
 *
 * @param text   the surface text in the document
 * @param code   ISO 3166-1 alpha-3 country code, or IGO / IMG / NGO / MNC for bodies without one
 * @param sector PLOVER sector code (GOV, MIL, REB, CVL, ...) or {@code null}
 * @param name   canonical name from the knowledge base, or {@code null}
 * @param kbId   id of the knowledge-base entry that resolved it, or {@code null}
 * @param start  half-open character span into the document text
 * @param end    end of that span (exclusive)
 * @param antecedent for a pronoun or description ("they", "the regime") resolved to an earlier mention: the words
 *               of that mention in the document, which say why "they" became Hezbollah; {@code null} otherwise
 */
public record ActorRef(String text, String code, String sector, String name, String kbId, int start, int end,
                       TextSpan antecedent) {
    public ActorRef {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad actor span [" + start + "," + end + ") for '" + text + "'");
        }
    }

    /** An actor named where it stands, with no antecedent. */
    public ActorRef(String text, String code, String sector, String name, String kbId, int start, int end) {
        this(text, code, sector, name, kbId, start, end, null);
    }

    /** Same actor (code, sector, entry), ignoring where it was mentioned. */
    public boolean sameEntity(ActorRef other) {
        return java.util.Objects.equals(code, other.code) && java.util.Objects.equals(sector, other.sector)
                && java.util.Objects.equals(kbId, other.kbId);
    }
}
