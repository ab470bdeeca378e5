package org.faultline.coding.actors;

import java.util.List;
import org.faultline.coding.kb.Place;

/**
 * A place named in a sentence.
 *
 * @param first first token (inclusive)
 * @param last  last token (inclusive)
 * @param start character start
 * @param end   character end (exclusive)
 * @param text  as written
 * @param place      best gazetteer candidate
 * @param candidates every gazetteer candidate, best first
 */
public record PlaceMention(int first, int last, int start, int end, String text, Place place, List<Place> candidates) {
    public PlaceMention {
        candidates = List.copyOf(candidates);
    }

    /** Whether the name fits places in more than one country ("La Paz"). */
    public boolean ambiguous() {
        return candidates.stream().map(Place::country).distinct().count() > 1;
    }

    /**
     * How many gazetteer places bear this name: 1 for an unambiguous name, more when the others were set aside
     * in context (the chosen place counts as one).
     */
    public int alternatives() {
        return Math.max(1, candidates.size());
    }

    /** The same mention resolved to the best candidate in the given country, if it has one there. */
    public PlaceMention preferring(String country) {
        for (Place p : candidates) {
            if (p.country().equals(country)) {
                return new PlaceMention(first, last, start, end, text, p, candidates);
            }
        }
        return this;
    }
}
