package org.faultline.model;

/**
 * Where an event happened.
 *
 * @param text    the place as written
 * @param country ISO 3166-1 alpha-3 code, or {@code null} when unknown
 * @param admin1  first-level region when known
 * @param lat     latitude when known
 * @param lon     longitude when known
 */
public record Location(String text, String country, String admin1, Double lat, Double lon) {
}
