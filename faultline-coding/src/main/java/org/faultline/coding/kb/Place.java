package org.faultline.coding.kb;

/**
 * A gazetteer entry.
 *
 * @param name       the surface name
 * @param country    ISO3
 * @param admin1     first-level region or {@code null}
 * @param kind       ADM1, CITY, CAPITAL or COUNTRY
 * @param lat        latitude or {@code null}
 * @param lon        longitude or {@code null}
 * @param population population or 0
 */
public record Place(String name, String country, String admin1, String kind, Double lat, Double lon, long population) {
}
