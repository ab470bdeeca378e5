package org.faultline.model;

/**
 * Where an event happened.
 *
 * @param text         the place as written
 * @param country      ISO 3166-1 alpha-3 code, or {@code null} when unknown
 * @param admin1       first-level region when known
 * @param lat          latitude when known
 * @param lon          longitude when known
 * @param start        half-open character span of {@code text} in the document text (the words the place was read
 *                     from, which may lie in an earlier sentence than the event's), or {@code null} when the place
 *                     was not read from the text
 * @param end          end of that span (exclusive), {@code null} exactly when {@code start} is
 * @param alternatives how many gazetteer places bore the name the place was resolved from (1: the name was
 *                     unambiguous; more: the others were set aside in context), or {@code null} when not recorded
 *                     (events coded before the count was kept, places not read through the gazetteer)
 */
public record Location(String text, String country, String admin1, Double lat, Double lon, Integer start,
                       Integer end, Integer alternatives) {
    public Location {
        if ((start == null) != (end == null) || start != null && (start < 0 || end < start)) {
            throw new IllegalArgumentException("bad place span [" + start + "," + end + ") for '" + text + "'");
        }
        if (alternatives != null && alternatives < 1) {
            throw new IllegalArgumentException("place '" + text + "' has " + alternatives
                    + " gazetteer alternatives; expected 1 or more, or null when not recorded");
        }
    }

    /** A place with a span and no count of alternatives. */
    public Location(String text, String country, String admin1, Double lat, Double lon, Integer start, Integer end) {
        this(text, country, admin1, lat, lon, start, end, null);
    }

    /** A place with no span in the text. */
    public Location(String text, String country, String admin1, Double lat, Double lon) {
        this(text, country, admin1, lat, lon, null, null, null);
    }
}
