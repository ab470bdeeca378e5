package org.faultline.query;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.faultline.model.ActorRef;

/**
 * The identity of an actor in analyses: a key (a country code such as {@code RUS}, or, for bodies without a
 * country, the knowledge-base id such as {@code IGO_NATO}; at {@link ActorLevel#GROUP} also an armed group's
 * short id such as {@code HAMAS} or a country's unnamed rebels such as {@code SYR-REB}) and optionally a PLOVER
 * sector. Written {@code RUS} at country and group level and {@code RUS:MIL} at actor+sector level.
 *
 * @param key    country code or knowledge-base id, upper case
 * @param sector sector code, or {@code null} for the whole actor
 */
public record ActorKey(String key, String sector) implements Comparable<ActorKey> {
    /** Codes that name a kind of body rather than one actor; such actors are keyed by their knowledge-base id. */
    public static final Set<String> GENERIC_CODES = Set.of("IGO", "IMG", "NGO", "MNC");

    public ActorKey {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.contains(":")) {
            throw new IllegalArgumentException("bad actor key '" + key + "': expected a code such as RUS or HAMAS");
        }
        key = key.toUpperCase(Locale.ROOT);
        sector = sector == null || sector.isBlank() ? null : sector.toUpperCase(Locale.ROOT);
    }

    public static ActorKey of(String key) {
        return new ActorKey(key, null);
    }

    /** Parses {@code RUS} or {@code RUS:MIL}; the message names the bad value. */
    public static ActorKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty actor; expected a code such as RUS or RUS:MIL");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        if (colon < 0) {
            return new ActorKey(t, null);
        }
        if (colon == 0 || colon == t.length() - 1 || t.indexOf(':', colon + 1) >= 0) {
            throw new IllegalArgumentException("bad actor '" + text + "'; expected CODE or CODE:SECTOR, e.g. RUS:MIL");
        }
        return new ActorKey(t.substring(0, colon), t.substring(colon + 1));
    }

    /**
     * The analysis key of a mentioned actor: its code, or its knowledge-base id when the code is one of
     * {@link #GENERIC_CODES} or missing; {@code null} when neither is known (such actors join no dyad).
     */
    public static String keyOf(ActorRef ref) {
        String code = ref.code() == null || ref.code().isBlank() ? null : ref.code().toUpperCase(Locale.ROOT);
        boolean generic = code == null || GENERIC_CODES.contains(code);
        if (generic && ref.kbId() != null && !ref.kbId().isBlank()) {
            return ref.kbId().trim().toUpperCase(Locale.ROOT).replace(':', '_');
        }
        return code;
    }

    /**
     * The key of a mentioned actor at a level: {@link #groupKeyOf} at {@link ActorLevel#GROUP}, else
     * {@link #keyOf}.
     */
    public static String keyOf(ActorRef ref, ActorLevel level) {
        return level == ActorLevel.GROUP ? groupKeyOf(ref) : keyOf(ref);
    }

    /**
     * The key of a mentioned actor at {@link ActorLevel#GROUP}: for an armed group of the knowledge base (an id
     * {@code group:X}) the short id {@code X} ({@code HAMAS}, {@code HEZBOLLAH}, {@code WAGNER}); for an actor
     * of a country (not one of {@link #GENERIC_CODES}) in sector REB, INS or OPP, the country code and sector
     * ({@code SYR-REB}); otherwise {@link #keyOf}. Such actors still carry their country code: at
     * {@link ActorLevel#COUNTRY} they fold into it.
     */
    public static String groupKeyOf(ActorRef ref) {
        String kb = ref.kbId() == null ? "" : ref.kbId().trim().toUpperCase(Locale.ROOT);
        if (kb.startsWith(GROUP_ID_PREFIX) && kb.length() > GROUP_ID_PREFIX.length()) {
            return kb.substring(GROUP_ID_PREFIX.length()).replace(':', '_');
        }
        String key = keyOf(ref);
        String code = ref.code() == null ? "" : ref.code().trim().toUpperCase(Locale.ROOT);
        String sector = ref.sector() == null ? "" : ref.sector().trim().toUpperCase(Locale.ROOT);
        if (key != null && !code.isEmpty() && !GENERIC_CODES.contains(code) && OPPONENT_SECTORS.contains(sector)) {
            return key + "-" + sector;
        }
        return key;
    }

    /**
     * Keys among {@code known} close to {@code key}, closest first, at most {@code max}: one contains the other
     * (at least three letters), or they differ by at most two edits (one for keys of up to four letters).
     * Case is ignored. For messages about a key that nothing is stored under.
     */
    public static java.util.List<String> closeMatches(String key, java.util.Collection<String> known, int max) {
        String k = key.toUpperCase(Locale.ROOT);
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Map<String, Integer> distance = new java.util.HashMap<>();
        for (String c : known) {
            String u = c.toUpperCase(Locale.ROOT);
            int d = edits(k, u);
            boolean contains = Math.min(k.length(), u.length()) >= 3 && (u.contains(k) || k.contains(u));
            if (!u.equals(k) && (d <= (k.length() <= 4 ? 1 : 2) || contains)) {
                out.add(c);
                distance.put(c, d);
            }
        }
        out.sort(java.util.Comparator.comparing((String c) -> distance.get(c)).thenComparing(c -> c));
        return out.subList(0, Math.min(max, out.size()));
    }

    private static int edits(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1,
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Knowledge-base ids of armed groups start with this (upper-cased): {@code group:HAMAS}. */
    public static final String GROUP_ID_PREFIX = "GROUP:";

    /** Sectors of a state's armed or political opponents, kept apart from the state at {@link ActorLevel#GROUP}. */
    public static final Set<String> OPPONENT_SECTORS = Set.of("REB", "INS", "OPP");

    /** This key at the given level: the sector is kept only at {@link ActorLevel#SECTOR}. */
    public ActorKey at(ActorLevel level) {
        return level != ActorLevel.SECTOR && sector != null ? new ActorKey(key, null) : this;
    }

    /** True when an actor with this key and sector is covered by this key (a key without sector covers all). */
    public boolean covers(String otherKey, String otherSector) {
        return key.equals(otherKey) && (sector == null || sector.equals(otherSector));
    }

    @Override
    public int compareTo(ActorKey o) {
        int c = key.compareTo(o.key);
        if (c != 0) {
            return c;
        }
        if (Objects.equals(sector, o.sector)) {
            return 0;
        }
        return sector == null ? -1 : o.sector == null ? 1 : sector.compareTo(o.sector);
    }

    @Override
    public String toString() {
        return sector == null ? key : key + ":" + sector;
    }
}
