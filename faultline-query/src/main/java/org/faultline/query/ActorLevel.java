package org.faultline.query;

/**
 * The granularity of actors in an analysis.
 *
 * <ul>
 *   <li>{@link #GROUP} (the analyses' default): a state apart from the armed groups and opposition inside it. An
 *       actor resolved to an armed group of the knowledge base (ids {@code group:X}) is {@code X}, e.g.
 *       {@code HAMAS}, {@code HEZBOLLAH}, {@code WAGNER}; an unnamed rebel, insurgent or opposition actor
 *       (sector REB, INS or OPP) is its country code and sector, e.g. {@code SYR-REB}; everything else keeps its
 *       country key, as at {@link #COUNTRY}. See {@link ActorKey#groupKeyOf}.</li>
 *   <li>{@link #COUNTRY}: everything folded into country codes (bodies without a country by their knowledge-base
 *       id, e.g. {@code IGO_NATO}, {@code GROUP_WAGNER}).</li>
 *   <li>{@link #SECTOR}: country key and sector, e.g. {@code RUS:MIL}.</li>
 * </ul>
 */
public enum ActorLevel {
    /** {@code RUS}: all sectors of an actor together. */
    COUNTRY,
    /** {@code RUS:MIL}, {@code RUS:GOV}: each sector apart. */
    SECTOR,
    /** {@code SYR}, {@code SYR-REB}, {@code HAMAS}: states apart from armed groups and opposition. */
    GROUP;

    public static ActorLevel parse(String s) {
        for (ActorLevel l : values()) {
            if (l.name().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown actor level '" + s + "'; expected group, country or sector");
    }
}
