package org.faultline.model;

/**
 * Whether the event is said to have happened. Reported claims keep their own modality and carry the
 * attribution in {@link Event#attribution()}.
 */
public enum Modality {
    ASSERTED, NEGATED, REFUSED, FUTURE, HYPOTHETICAL;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True when the event did not (or not yet) take place. */
    public boolean unrealised() {
        return this != ASSERTED;
    }
}
