package org.faultline.query;

import java.util.Locale;
import org.faultline.model.Event;
import org.faultline.model.Modality;

/**
 * Whether a stored event took place, folded from {@link Event#negated()} and {@link Event#modality()}. Only
 * {@link #REALISED} events count as cooperation or conflict in analyses; {@link #REFUSED} cooperation is a
 * divergence signal.
 */
public enum EventStatus {
    REALISED, NEGATED, REFUSED, FUTURE, HYPOTHETICAL;

    public static EventStatus of(Event e) {
        if (e.modality() == Modality.REFUSED) {
            return REFUSED;
        }
        if (e.negated() || e.modality() == Modality.NEGATED) {
            return NEGATED;
        }
        switch (e.modality()) {
            case FUTURE:
                return FUTURE;
            case HYPOTHETICAL:
                return HYPOTHETICAL;
            default:
                return REALISED;
        }
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventStatus parse(String s) {
        for (EventStatus v : values()) {
            if (v.name().equalsIgnoreCase(s.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown event status '" + s
                + "'; expected realised, negated, refused, future or hypothetical");
    }
}
