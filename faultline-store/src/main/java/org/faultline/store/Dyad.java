package org.faultline.store;

import java.util.List;
import java.util.Objects;
import org.faultline.model.Event;
import org.faultline.store.internal.EventRows;

/**
 * One source-target pair of an event at an actor level, as the store counts it in dyad totals: every distinct
 * (actor, recipient) pair, or for an event without recipient every pair of co-actors, smaller first, marked joint.
 *
 * @param source acting actor
 * @param target recipient, or the second co-actor of a joint dyad
 * @param joint  true for co-actors of an event without recipient
 */
public record Dyad(ActorKey source, ActorKey target, boolean joint) {
    public Dyad {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    /** The dyads of an event at a level, as stored (actors without key and self-pairs left out). */
    public static List<Dyad> of(Event e, ActorLevel level) {
        return EventRows.dyads(e, level).stream().map(d -> new Dyad(new ActorKey(d.srcKey(), d.srcSector()),
                new ActorKey(d.dstKey(), d.dstSector()), d.joint())).toList();
    }

    @Override
    public String toString() {
        return source + (joint ? "+" : "->") + target;
    }
}
