package org.faultline.cli.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.query.ActorKey;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;

/**
 * One event as a row of the GDELT 2.0 event table: 61 tab-separated columns in the order and with the value
 * formats of the GDELT 2.0 event codebook (tests read the rows back with the codebook's column types).
 *
 * <ul>
 *   <li>EventCode is the CAMEO code with three or four digits ({@code 030}, not the root {@code 03}: a root code
 *       is written as its "not specified" child {@code X0}); EventBaseCode its first three digits, EventRootCode
 *       its first two.</li>
 *   <li>IsRootEvent is 1 when the event was read from the lead of a document (one of its first
 *       {@value #LEAD_SENTENCES} sentences), the proxy for importance that GDELT takes from the lead paragraph.</li>
 *   <li>DATEADDED is when the document was stored (UTC, YYYYMMDDHHMMSS); SOURCEURL the document's URL when the input
 *       gave one, else its id.</li>
 *   <li>Actor1/2 are the first actor and recipient with CAMEO codes: country + type ({@code RUSMIL}), groups by
 *       their knowledge-base id in KnownGroupCode; only CAMEO type codes are written (a paramilitary, coded PRM,
 *       is CAMEO's unaligned armed force UAF, a journalist JRN is MED; parties and unknown sectors get none).</li>
 *   <li>ActionGeo is the event's place: type 1 (country), 2/5 (US state / first-level region, when the place is the
 *       region itself) or 3/4 (US / world city), full name "place, region, country", latitude and longitude.
 *       CountryCode is the FIPS 10-4 code, as GDELT's geography writes countries ({@link FipsCodes}: GM for
 *       Germany, UK for the United Kingdom; GZ for a place in the Gaza Strip). A country (type 1) has that code as
 *       its ADM1Code and FeatureID too, as GDELT writes country-level places; below that, ADM1Code stays empty (the
 *       gazetteer knows region names, not their FIPS codes) and so do ADM2Code and FeatureID.
 *       Actor1Geo and Actor2Geo stay empty: where each actor was is not coded.</li>
 * </ul>
 *
 * <p>Differences that remain: GLOBALEVENTID is a 63-bit number derived from the event id (SHA-256); the actors'
 * CountryCode columns are CAMEO country codes (ISO 3166-1 alpha-3), as GDELT's are; NumMentions, NumSources and
 * NumArticles are the story's mentions; AvgTone is empty. Names and places are cleaned of tabs and line breaks.
 */
final class GdeltRow {
    /** Sentences of a document that count as its lead for IsRootEvent. */
    static final int LEAD_SENTENCES = 3;

    /** The CAMEO actor type (role) codes, as GDELT's type lookup lists them. */
    private static final Set<String> CAMEO_TYPES = Set.of("COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP",
            "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED",
            "REF", "MOD", "RAD", "AMN", "IRC", "GRP", "UNO", "PKO", "UIS", "IGO", "IMG", "INT", "MNC", "NGM", "NGO",
            "SET");

    /** Faultline sectors that CAMEO names otherwise. */
    private static final Map<String, String> TO_CAMEO_TYPE = Map.of("PRM", "UAF", "JRN", "MED");

    /** FIPS 10-4 codes for the geography columns. */
    private static final FipsCodes FIPS = FipsCodes.bundled();

    /** English country names by ISO 3166-1 alpha-3 code, from the JDK (no locale data of the machine). */
    private static final Map<String, String> COUNTRY_NAMES = countryNames();

    private GdeltRow() {
    }

    /**
     * The row of one stored event.
     *
     * @param names     display names by actor key
     * @param documents stored documents by id, for SOURCEURL and DATEADDED (a missing one gives the document id
     *                  and the event date)
     */
    static String of(StoredEvent s, Map<String, String> names, Map<String, StoredDocument> documents) {
        Event e = s.event();
        LocalDate d = e.date();
        List<String> c = new ArrayList<>(61);
        c.add(Long.toString(globalId(e.id())));
        String ymd = String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        c.add(ymd);
        c.add(ymd.substring(0, 6));
        c.add(Integer.toString(d.getYear()));
        // the codebook's approximation, not the day of the year
        c.add(String.format(Locale.ROOT, "%.4f", d.getYear() + (d.getMonthValue() * 30 + d.getDayOfMonth()) / 365.0));
        actor(c, e.actor().isEmpty() ? null : e.actor().get(0), names);
        actor(c, e.recipient().isEmpty() ? null : e.recipient().get(0), names);
        c.add(rootEvent(e) ? "1" : "0");
        String cameo = eventCode(e.cameoCode());
        c.add(cameo);
        c.add(cameo.length() > 3 ? cameo.substring(0, 3) : cameo);
        c.add(cameo.length() >= 2 ? cameo.substring(0, 2) : cameo);
        c.add(Integer.toString(e.quadClass()));
        c.add(Double.toString(e.goldstein()));
        c.add(Integer.toString(s.mentions()));
        c.add(Integer.toString(s.mentions()));
        c.add(Integer.toString(s.mentions()));
        c.add("");
        geo(c, null);
        geo(c, null);
        geo(c, e.location());
        StoredDocument doc = documents.get(e.docId());
        LocalDateTime added = doc != null && doc.ingestedAt() != null ? doc.ingestedAt() : d.atStartOfDay();
        c.add(String.format(Locale.ROOT, "%04d%02d%02d%02d%02d%02d", added.getYear(), added.getMonthValue(),
                added.getDayOfMonth(), added.getHour(), added.getMinute(), added.getSecond()));
        c.add(clean(doc != null && doc.url() != null && !doc.url().isBlank() ? doc.url() : e.docId()));
        return String.join("\t", c);
    }

    /** A CAMEO event code as GDELT writes it: a two-digit root becomes its unspecified child ({@code 03} → {@code 030}). */
    static String eventCode(String cameo) {
        if (cameo == null || cameo.isBlank()) {
            return "";
        }
        String code = cameo.strip();
        return code.length() == 2 ? code + "0" : code;
    }

    /** An event read from the lead: any of its evidence sentences is one of the first {@link #LEAD_SENTENCES}. */
    static boolean rootEvent(Event e) {
        for (Evidence ev : e.evidence()) {
            if (ev.sentence() < LEAD_SENTENCES) {
                return true;
            }
        }
        return false;
    }

    /** A CAMEO type code for a Faultline sector, or empty when CAMEO has none. */
    static String cameoType(String sector) {
        if (sector == null) {
            return "";
        }
        String t = TO_CAMEO_TYPE.getOrDefault(sector, sector);
        return CAMEO_TYPES.contains(t) ? t : "";
    }

    private static void actor(List<String> c, ActorRef a, Map<String, String> names) {
        if (a == null) {
            for (int i = 0; i < 10; i++) {
                c.add("");
            }
            return;
        }
        String key = ActorKey.keyOf(a);
        boolean group = key != null && !key.equals(a.code());
        String country = a.code() != null && a.code().length() == 3 && !ActorKey.GENERIC_CODES.contains(a.code())
                ? a.code() : "";
        String type = cameoType(a.sector());
        c.add((group ? (a.code() == null ? "" : a.code()) : country) + type);
        String name = a.name() != null ? a.name() : key != null && names.containsKey(key) ? names.get(key) : a.text();
        c.add(clean(name).toUpperCase(Locale.ROOT));
        c.add(country);
        c.add(group ? clean(key) : "");
        c.add("");
        c.add("");
        c.add("");
        c.add(type);
        c.add("");
        c.add("");
    }

    private static void geo(List<String> c, Location l) {
        if (l == null || l.country() == null && l.lat() == null) {
            for (int i = 0; i < 8; i++) {
                c.add("");
            }
            return;
        }
        boolean point = l.lat() != null && l.lon() != null;
        boolean us = "USA".equals(l.country());
        boolean region = l.admin1() != null && l.text() != null
                && clean(l.text()).toLowerCase(Locale.ROOT).startsWith(clean(l.admin1()).toLowerCase(Locale.ROOT));
        String type = !point ? "1" : region ? (us ? "2" : "5") : (us ? "3" : "4");
        String countryName = l.country() == null ? null : COUNTRY_NAMES.getOrDefault(l.country(), l.country());
        List<String> full = new ArrayList<>();
        if (point && !region && l.text() != null) {
            full.add(clean(l.text()));
        }
        if (point && l.admin1() != null) {
            full.add(clean(l.admin1()));
        }
        if (countryName != null) {
            full.add(clean(countryName));
        }
        String fips = FIPS.of(l.country(), l.admin1()).orElse("");
        c.add(type);
        c.add(String.join(", ", full));
        c.add(fips);
        c.add(point ? "" : fips);
        c.add("");
        c.add(point ? l.lat().toString() : "");
        c.add(point ? l.lon().toString() : "");
        c.add(point ? "" : fips);
    }

    private static Map<String, String> countryNames() {
        Map<String, String> out = new java.util.HashMap<>();
        for (String iso2 : Locale.getISOCountries()) {
            Locale l = new Locale("", iso2);
            try {
                out.put(l.getISO3Country(), l.getDisplayCountry(Locale.ENGLISH));
            } catch (java.util.MissingResourceException noAlpha3) {
                // a code without an alpha-3 form names no country we store
            }
        }
        return Map.copyOf(out);
    }

    /** Tabs, line breaks and runs of white space become one space: a value never breaks the row. */
    static String clean(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cc}]+", " ").strip();
    }

    static long globalId(String eventId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(eventId.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
        }
    }
}
