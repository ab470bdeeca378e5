package org.faultline.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The 16 PLOVER event types with their quad class, whether PLOVER requires a recipient, the PLOVER
 * cooperation-conflict base score and the modes the manual defines (PLOVER manual, 2021 draft).
 */
public enum EventType {
    AGREE(1, false, 2.5),
    CONSULT(1, false, 2.5, "visit", "third-party", "multilateral", "phone"),
    SUPPORT(1, false, 5),
    CONCEDE(1, false, 4.5),
    COOPERATE(2, true, 9.5),
    AID(2, true, 10),
    RETREAT(2, false, 6.5, "withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    REQUEST(3, false, 0, "assist", "change", "yield", "meet"),
    /** The manual prints ACCUSE's base score as "3"; read as the obvious -3. */
    ACCUSE(3, false, -3, "disapprove", "investigate", "allege"),
    REJECT(3, false, -2, "assist", "change", "yield", "meet"),
    THREATEN(3, false, -3.5, "restrict", "arrest", "relations", "expel", "territory", "violence"),
    PROTEST(4, false, -5, "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    SANCTION(4, true, -6, "convict", "expel", "withdraw", "discontinue"),
    MOBILIZE(4, false, -5.5, "troops", "weapons", "police", "militia"),
    COERCE(4, false, -7, "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
            "misinformation", "cyber"),
    ASSAULT(4, false, -9, "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
            "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional");

    private final int quadClass;
    private final boolean requiresRecipient;
    private final double ploverScore;
    private final List<String> modes;

    EventType(int quadClass, boolean requiresRecipient, double ploverScore, String... modes) {
        this.quadClass = quadClass;
        this.requiresRecipient = requiresRecipient;
        this.ploverScore = ploverScore;
        this.modes = List.of(modes);
    }

    /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict (as GDELT). */
    public int quadClass() {
        return quadClass;
    }

    public boolean requiresRecipient() {
        return requiresRecipient;
    }

    public double ploverScore() {
        return ploverScore;
    }

    public List<String> modes() {
        return modes;
    }

    public boolean cooperative() {
        return quadClass <= 2;
    }

    /** Parses a type name case-insensitively; the message lists the valid names. */
    public static EventType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown PLOVER event type '" + name + "'; expected one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    /** Checks a mode against this type's modes; blank means no mode. */
    public void checkMode(String mode) {
        if (mode != null && !mode.isBlank() && !modes.contains(mode)) {
            throw new IllegalArgumentException("mode '" + mode + "' is not a mode of " + name() + "; expected one of "
                    + (modes.isEmpty() ? "(none)" : String.join(", ", modes)));
        }
    }
}
