package org.faultline.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;

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

    /**
     * The dyads of an event at a level, as the store writes them: every distinct (actor, recipient) pair; for an
     * event without recipient, every pair of its co-actors, once, smaller first, marked joint. Actors without key
     * are left out, and so are pairs of one actor with itself (at country level: of one key, e.g. a government and
     * its army; at sector level: of one key and sector).
     */
    public static List<Dyad> of(Event e, ActorLevel level) {
        List<ActorKey> actors = keys(e.actor(), level);
        List<ActorKey> recipients = keys(e.recipient(), level);
        Set<Dyad> out = new LinkedHashSet<>();
        if (!recipients.isEmpty()) {
            for (ActorKey a : actors) {
                for (ActorKey r : recipients) {
                    if (!a.equals(r)) {
                        out.add(new Dyad(a, r, false));
                    }
                }
            }
        } else {
            List<ActorKey> sorted = new ArrayList<>(actors);
            sorted.sort(null);
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size(); j++) {
                    out.add(new Dyad(sorted.get(i), sorted.get(j), true));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<ActorKey> keys(List<ActorRef> refs, ActorLevel level) {
        Set<ActorKey> out = new LinkedHashSet<>();
        for (ActorRef r : refs) {
            String k = ActorKey.keyOf(r, level);
            if (k != null) {
                out.add(new ActorKey(k, level == ActorLevel.SECTOR ? r.sector() : null));
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public String toString() {
        return source + (joint ? "+" : "->") + target;
    }
}
