package org.faultline.cli.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.Location;
import org.faultline.store.ActorKey;
import org.faultline.store.StoredEvent;

/**
 * One event as a row of the GDELT 2.0 event table (61 tab-separated columns, in the order of the GDELT
 * codebook). Differences to GDELT, by necessity: GLOBALEVENTID is a 63-bit number derived from the event id
 * (SHA-256), country codes are ISO 3166-1 alpha-3 (GDELT's geography uses FIPS 10-4), Actor1/2 are the first
 * actor and recipient with CAMEO-style codes (country + sector, e.g. RUSMIL; groups by their knowledge-base id in
 * KnownGroupCode), NumMentions and NumArticles are the story's mentions, AvgTone is empty, DATEADDED is the event
 * date at midnight and SOURCEURL is the document id.
 */
final class GdeltRow {
    private GdeltRow() {
    }

    static String of(StoredEvent s, Map<String, String> names) {
        Event e = s.event();
        LocalDate d = e.date();
        List<String> c = new ArrayList<>(61);
        c.add(Long.toString(globalId(e.id())));
        String ymd = String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        c.add(ymd);
        c.add(ymd.substring(0, 6));
        c.add(Integer.toString(d.getYear()));
        c.add(String.format(Locale.ROOT, "%.4f", d.getYear() + (d.getDayOfYear() - 1) / 365.0));
        actor(c, e.actor().isEmpty() ? null : e.actor().get(0), names);
        actor(c, e.recipient().isEmpty() ? null : e.recipient().get(0), names);
        String cameo = e.cameoCode() == null ? "" : e.cameoCode();
        c.add("1");
        c.add(cameo);
        c.add(cameo.length() > 3 ? cameo.substring(0, 3) : cameo);
        c.add(cameo.length() > 2 ? cameo.substring(0, 2) : cameo);
        c.add(Integer.toString(e.quadClass()));
        c.add(Double.toString(e.goldstein()));
        c.add(Integer.toString(s.mentions()));
        c.add("1");
        c.add(Integer.toString(s.mentions()));
        c.add("");
        geo(c, null);
        geo(c, null);
        geo(c, e.location());
        c.add(ymd + "000000");
        c.add(e.docId());
        return String.join("\t", c);
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
        c.add((group ? (a.code() == null ? "" : a.code()) : country) + (a.sector() == null ? "" : a.sector()));
        String name = a.name() != null ? a.name() : key != null && names.containsKey(key) ? names.get(key) : a.text();
        c.add(name == null ? "" : name.toUpperCase(Locale.ROOT));
        c.add(country);
        c.add(group ? key : "");
        c.add("");
        c.add("");
        c.add("");
        c.add(a.sector() == null ? "" : a.sector());
        c.add("");
        c.add("");
    }

    private static void geo(List<String> c, Location l) {
        if (l == null) {
            for (int i = 0; i < 8; i++) {
                c.add("");
            }
            return;
        }
        boolean point = l.lat() != null && l.lon() != null;
        c.add(point || l.admin1() != null ? "4" : "1");
        c.add(l.text() == null ? "" : l.text());
        c.add(l.country() == null ? "" : l.country());
        c.add(l.admin1() == null ? "" : l.admin1());
        c.add("");
        c.add(l.lat() == null ? "" : l.lat().toString());
        c.add(l.lon() == null ? "" : l.lon().toString());
        c.add("");
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
