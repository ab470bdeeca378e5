package org.faultline.gate;

import java.util.Locale;

/**
 * What {@code --gate} asks for: {@code off} (parse every sentence the rules' filter keeps), {@code on} (the head's
 * own threshold) or a threshold in (0, 1). Immutable.
 *
 * @param enabled   whether the gate runs
 * @param threshold the threshold asked for, or {@code NaN} for the head's own
 */
public record GateSetting(boolean enabled, double threshold) {
    public static final GateSetting OFF = new GateSetting(false, Double.NaN);
    public static final GateSetting ON = new GateSetting(true, Double.NaN);

    public GateSetting {
        if (!Double.isNaN(threshold) && !(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("gate threshold " + threshold + " is not in (0, 1)");
        }
    }

    /**
     * Reads {@code off}, {@code on} or a number between 0 and 1 (exclusive).
     *
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public static GateSetting parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return OFF;
        }
        if (t.equals("on")) {
            return ON;
        }
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && v < 1) {
                return new GateSetting(true, v);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown gate setting '" + text + "'; expected off, on or a threshold "
                + "between 0 and 1 (exclusive), e.g. 0.3");
    }

    /** The threshold this setting uses with this head. */
    public double thresholdFor(RelevanceHead head) {
        return Double.isNaN(threshold) ? head.threshold() : threshold;
    }

    @Override
    public String toString() {
        return !enabled ? "off" : Double.isNaN(threshold) ? "on" : String.valueOf(threshold);
    }
}
