package org.faultline.analysis;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;

/**
 * Everything one actor did to another in a scope, at one actor level. Only realised events count as
 * cooperation (quad classes 1-2) or conflict (3-4); joint actions of co-actors (no recipient) count from the
 * smaller key to the larger.
 *
 * @param source      who acted
 * @param target      to whom
 * @param cooperation realised cooperative events
 * @param conflict    realised conflictual events
 * @param refusals    cooperation the source refused (status refused) plus realised REJECT events
 * @param unrealised  events that did not take place (negated, refused, future, hypothetical)
 * @param goldstein   sum of Goldstein scores of realised events
 * @param plover      sum of PLOVER base scores of realised events
 * @param byType      realised events per type
 */
public record Flow(ActorKey source, ActorKey target, long cooperation, long conflict, long refusals, long unrealised,
                   double goldstein, double plover, Map<EventType, Long> byType) {
    public Flow {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        byType = byType.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byType));
    }

    /** Realised events: cooperation plus conflict. */
    public long events() {
        return cooperation + conflict;
    }

    /** Cooperation minus conflict. */
    public long net() {
        return cooperation - conflict;
    }
}
