package org.faultline.cli.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.faultline.coding.kb.TsvTable;

/**
 * FIPS 10-4 country codes for ISO 3166-1 alpha-3 codes, as GDELT's geography columns write countries
 * ({@code GM} for DEU, {@code UK} for GBR), from the bundled table {@value #RESOURCE} (its header says where the
 * codes come from). A few parts of a country that FIPS 10-4 codes apart (the Gaza Strip, Jan Mayen, the US Minor
 * Outlying Islands) are looked up by the first-level region the gazetteer gives. Every row is checked at load: a
 * bad code or a repeated key fails naming {@code file:line}. Immutable and thread-safe.
 */
final class FipsCodes {
    static final String RESOURCE = "/org/faultline/cli/analysis/fips10-4.v1.tsv";
    private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
    private static final Pattern FIPS = Pattern.compile("[A-Z]{2}");

    private final Map<String, String> countries;
    private final Map<String, String> regions;
    private final String sha256;

    private FipsCodes(Map<String, String> countries, Map<String, String> regions, String sha256) {
        this.countries = Map.copyOf(countries);
        this.regions = Map.copyOf(regions);
        this.sha256 = sha256;
    }

    private static final class Bundled {
        static final FipsCodes TABLE = of(TsvTable.resource(RESOURCE, "iso3", "region", "fips"));
    }

    /** The bundled table, loaded on first use. */
    static FipsCodes bundled() {
        return Bundled.TABLE;
    }

    /** The codes of a table with the columns {@code iso3}, {@code region} (empty for the whole country), {@code fips}. */
    static FipsCodes of(TsvTable table) {
        Map<String, String> countries = new HashMap<>();
        Map<String, String> regions = new HashMap<>();
        for (TsvTable.Row r : table.rows()) {
            String iso3 = r.get("iso3");
            String region = r.get("region");
            String fips = r.get("fips");
            if (!ISO3.matcher(iso3).matches()) {
                throw r.error("iso3 '" + iso3 + "' is not three upper-case letters");
            }
            if (!FIPS.matcher(fips).matches()) {
                throw r.error("fips '" + fips + "' is not two upper-case letters");
            }
            String before = region.isEmpty() ? countries.put(iso3, fips) : regions.put(key(iso3, region), fips);
            if (before != null) {
                throw r.error(iso3 + (region.isEmpty() ? "" : " region '" + region + "'") + " is listed twice");
            }
        }
        return new FipsCodes(countries, regions, table.sha256());
    }

    /**
     * The FIPS 10-4 code of a place: its region's own code when FIPS 10-4 gives the region one, else its country's;
     * empty when the country is unknown here, or has no code as a whole and the region none of its own.
     *
     * @param iso3   ISO 3166-1 alpha-3 code, or null
     * @param admin1 first-level region as the gazetteer names it, or null
     */
    Optional<String> of(String iso3, String admin1) {
        if (iso3 == null) {
            return Optional.empty();
        }
        String region = admin1 == null ? null : regions.get(key(iso3, admin1.strip()));
        return Optional.ofNullable(region != null ? region : countries.get(iso3));
    }

    /** The ISO codes with a code for the whole country or for some of their regions. */
    Set<String> isoCodes() {
        Set<String> out = new TreeSet<>(countries.keySet());
        regions.keySet().forEach(k -> out.add(k.substring(0, 3)));
        return out;
    }

    /** SHA-256 of the table's file, for provenance. */
    String sha256() {
        return sha256;
    }

    private static String key(String iso3, String region) {
        return iso3 + "\t" + region;
    }
}
