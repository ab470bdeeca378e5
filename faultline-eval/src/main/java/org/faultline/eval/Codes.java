package org.faultline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Actor codes as the scorer compares them: trimmed, upper-cased, cut to three characters, and with the
 * codes that older CAMEO-based gold uses for the same entity mapped to the current ones
 * ({@code JAP→JPN, ITL→ITA, UNO/EUR/EUN/NTO→IGO}). Stateless and thread-safe.
 */
public final class Codes {
    /** Old code → the code it is scored as. */
    public static final Map<String, String> ALIASES = Map.of(
            "JAP", "JPN", "ITL", "ITA", "UNO", "IGO", "EUR", "IGO", "EUN", "IGO", "NTO", "IGO");

    private Codes() {
    }

    /**
     * The scored form of one raw code, or {@code null} when nothing is left (null or blank input). Apply it
     * once, to raw codes: as in the reference scorer, cutting comes after trimming, so a cut code can end in
     * a space ({@code "AB C"} gives {@code "AB "}).
     */
    public static String normalize(String code) {
        if (code == null || code.isEmpty()) {
            return null;
        }
        String c = PyText.headCodePoints(PyText.strip(code).toUpperCase(Locale.ROOT), 3);
        c = ALIASES.getOrDefault(c, c);
        return c.isEmpty() ? null : c;
    }

    /** The scored codes of raw codes; blanks and nulls are dropped. Returns an unmodifiable sorted set. */
    public static SortedSet<String> normalizeAll(Collection<String> raw) {
        TreeSet<String> out = new TreeSet<>(PyText.CODE_POINT_ORDER);
        for (String code : raw) {
            String c = normalize(code);
            if (c != null) {
                out.add(c);
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    /**
     * The codes of an {@code actor} or {@code recipient} field: an object or a list of objects, each giving
     * {@code code} or, where that is empty, {@code country}. Other values give no codes (an empty field,
     * a bare string, non-object list entries, non-string codes).
     */
    public static SortedSet<String> ofEntities(JsonNode entities) {
        TreeSet<String> out = new TreeSet<>(PyText.CODE_POINT_ORDER);
        if (!PyJson.truthy(entities)) {
            return Collections.unmodifiableSortedSet(out);
        }
        Iterable<JsonNode> items = entities.isObject() ? Set.of(entities) : entities.isArray() ? entities : Set.of();
        for (JsonNode e : items) {
            if (!e.isObject()) {
                continue;
            }
            JsonNode code = PyJson.truthy(e.get("code")) ? e.get("code") : e.get("country");
            if (code != null && code.isTextual()) {
                String c = normalize(code.textValue());
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return Collections.unmodifiableSortedSet(out);
    }

    static SortedSet<String> sortedCopy(Collection<String> codes, String what) {
        TreeSet<String> out = new TreeSet<>(PyText.CODE_POINT_ORDER);
        for (String c : codes) {
            if (c == null) {
                throw new IllegalArgumentException(what + " contains null: " + codes);
            }
            out.add(c);
        }
        return Collections.unmodifiableSortedSet(out);
    }
}
