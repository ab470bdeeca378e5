package org.faultline.coding.actors;

import org.faultline.coding.kb.Place;

/**
 * A place named in a sentence.
 *
 * @param first first token (inclusive)
 * @param last  last token (inclusive)
 * @param start character start
 * @param end   character end (exclusive)
 * @param text  as written
 * @param place best gazetteer candidate
 */
public record PlaceMention(int first, int last, int start, int end, String text, Place place) {
}
