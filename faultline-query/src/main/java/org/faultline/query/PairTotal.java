package org.faultline.query;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.faultline.model.EventType;

/**
 * Everything one actor did to another, summed in the database over every event type and status: one row per
 * directed pair at an actor level. The compact form of the {@link DyadTotal} rows of the pair, for questions about
 * the whole network (edges, blocs, faultlines), where per-type rows would be several times as many.
 *
 * @param source             who acted (the smaller key of a joint dyad)
 * @param target             to whom (the larger key of a joint dyad)
 * @param realised           realised events per type (types without events are absent)
 * @param refusedCooperation cooperative events the source refused (status refused)
 * @param unrealised         events that did not take place (negated, refused, future, hypothetical)
 * @param goldstein          sum of Goldstein scores of the realised events
 * @param plover             sum of PLOVER base scores of the realised events
 */
public record PairTotal(ActorKey source, ActorKey target, Map<EventType, Long> realised, long refusedCooperation,
                        long unrealised, double goldstein, double plover) {
    public PairTotal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        realised = realised.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(realised));
    }

    /** Realised cooperative events (quad classes 1 and 2). */
    public long cooperation() {
        long n = 0;
        for (Map.Entry<EventType, Long> e : realised.entrySet()) {
            n += e.getKey().cooperative() ? e.getValue() : 0;
        }
        return n;
    }

    /** Realised conflictual events (quad classes 3 and 4). */
    public long conflict() {
        long n = 0;
        for (Map.Entry<EventType, Long> e : realised.entrySet()) {
            n += e.getKey().cooperative() ? 0 : e.getValue();
        }
        return n;
    }

    /** All realised events. */
    public long events() {
        long n = 0;
        for (long v : realised.values()) {
            n += v;
        }
        return n;
    }
}
