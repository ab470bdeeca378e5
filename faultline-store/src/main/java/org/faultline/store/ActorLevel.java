package org.faultline.store;

/** The granularity of actors in an analysis: whole countries (or groups), or actor plus sector. */
public enum ActorLevel {
    /** {@code RUS}: all sectors of an actor together. */
    COUNTRY,
    /** {@code RUS:MIL}, {@code RUS:GOV}: each sector apart. */
    SECTOR;

    public static ActorLevel parse(String s) {
        for (ActorLevel l : values()) {
            if (l.name().equalsIgnoreCase(s.trim())) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown actor level '" + s + "'; expected country or sector");
    }
}
