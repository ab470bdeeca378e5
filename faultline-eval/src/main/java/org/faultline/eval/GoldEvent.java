package org.faultline.eval;

import java.util.Objects;
import java.util.SortedSet;

/**
 * One gold event with the codes in scored form.
 *
 * @param types          acceptable PLOVER types (a gold record may list several); may be empty, in which
 *                       case no prediction matches it at type or tuple level
 * @param actorCodes     normalised actor codes
 * @param recipientCodes normalised recipient codes; empty when gold names no recipient, and then any
 *                       recipient is accepted
 * @param symmetric      a two-sided event that also matches in the other direction, or with every party
 *                       listed as actor and no recipient
 */
public record GoldEvent(SortedSet<String> types, SortedSet<String> actorCodes, SortedSet<String> recipientCodes,
                        boolean symmetric) {
    public GoldEvent {
        types = Codes.sortedCopy(Objects.requireNonNull(types, "types"), "gold event types");
        actorCodes = Codes.sortedCopy(Objects.requireNonNull(actorCodes, "actorCodes"), "gold actor codes");
        recipientCodes = Codes.sortedCopy(Objects.requireNonNull(recipientCodes, "recipientCodes"),
                "gold recipient codes");
    }

    /** The acceptable types sorted and joined by {@code |}: the key of {@link ScoreReport#recallByType()}. */
    public String label() {
        return String.join("|", types);
    }

    /** True when {@code type} is one of the acceptable types ({@code null} never is). */
    public boolean accepts(String type) {
        return type != null && types.contains(type);
    }
}
