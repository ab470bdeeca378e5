package org.faultline.model;

/**
 * Where an event happened.
 *
 * @param text    the place as written
 * @param country ISO 3166-1 alpha-3 code, or {@code null} when unknown
 * @param admin1  first-level region when known
 * @param lat     latitude when known
 * @param lon     longitude when known
 * @param start   half-open character span of {@code text} in the document text (the words the place was read
 *                from, which may lie in an earlier sentence than the event's), or {@code null} when the place was
 *                not read from the text
 * @param end     end of that span (exclusive), {@code null} exactly when {@code start} is
 */
public record Location(String text, String country, String admin1, Double lat, Double lon, Integer start,
                       Integer end) {
    public Location {
        if ((start == null) != (end == null) || start != null && (start < 0 || end < start)) {
            throw new IllegalArgumentException("bad place span [" + start + "," + end + ") for '" + text + "'");
        }
    }

    /** A place with no span in the text. */
    public Location(String text, String country, String admin1, Double lat, Double lon) {
        this(text, country, admin1, lat, lon, null, null);
    }
}
