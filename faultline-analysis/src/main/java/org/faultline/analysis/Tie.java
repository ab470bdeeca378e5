package org.faultline.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;

/**
 * The relation of two actors in both directions together; {@code a} sorts before {@code b}.
 *
 * @param a           first actor
 * @param b           second actor
 * @param cooperation realised cooperative events either way
 * @param conflict    realised conflictual events either way
 * @param refusalsByA cooperation refused by a towards b (and REJECTs by a)
 * @param refusalsByB the same by b towards a
 * @param goldstein   sum of Goldstein scores of realised events
 * @param byType      realised events per type
 */
public record Tie(ActorKey a, ActorKey b, long cooperation, long conflict, long refusalsByA, long refusalsByB,
                  double goldstein, Map<EventType, Long> byType) {
    public Tie {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.compareTo(b) >= 0) {
            throw new IllegalArgumentException("tie " + a + "-" + b + " must list the smaller actor first");
        }
        byType = byType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byType));
    }

    public long events() {
        return cooperation + conflict;
    }

    public long net() {
        return cooperation - conflict;
    }

    /** More cooperation than conflict. */
    public boolean partners() {
        return cooperation > conflict;
    }

    /** More conflict than cooperation. */
    public boolean adversaries() {
        return conflict > cooperation;
    }

    public boolean involves(ActorKey x) {
        return a.equals(x) || b.equals(x);
    }

    /** The other end of the tie from {@code x}. */
    public ActorKey other(ActorKey x) {
        if (a.equals(x)) {
            return b;
        }
        if (b.equals(x)) {
            return a;
        }
        throw new IllegalArgumentException(x + " is not an end of tie " + a + "-" + b);
    }

    public long refusalsBy(ActorKey x) {
        return a.equals(x) ? refusalsByA : b.equals(x) ? refusalsByB : 0;
    }

    public long realised(EventType t) {
        return byType.getOrDefault(t, 0L);
    }
}
