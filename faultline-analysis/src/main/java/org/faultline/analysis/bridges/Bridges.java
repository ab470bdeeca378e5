package org.faultline.analysis.bridges;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.StoredEvent;

/**
 * Actors that tie conflict theatres together: a state arming one war's belligerent and backing a party in
 * another. An actor's involvement in a theatre is the number of realised events (cooperation or conflict)
 * between it and the theatre's other members; an actor involved in two or more theatres is a bridge, scored
 * by its involvement in its second most involved theatre (so both ties must be strong), then by its total.
 * Theatres are given, or found as connected groups of actors linked by at least {@code minEvents} realised
 * {@link #THEATRE_TYPES} events. Pure functions over ties; results immutable.
 */
public final class Bridges {
    /** Events that make a war: armed assault, coercion such as seizures and blockades. */
    public static final Set<EventType> THEATRE_TYPES = Set.copyOf(EnumSet.of(EventType.ASSAULT, EventType.COERCE));

    /**
     * A bridge's involvement in one theatre.
     *
     * @param theatre  the theatre
     * @param events   realised events with its members
     * @param ties     its ties to members, heaviest first
     * @param evidence salient events of the heaviest ties (empty until {@link #withEvidence})
     */
    public record Involvement(Theatre theatre, long events, List<Tie> ties, List<StoredEvent> evidence) {
        public Involvement {
            ties = List.copyOf(ties);
            evidence = List.copyOf(evidence);
        }
    }

    /**
     * One bridging actor.
     *
     * @param actor        the actor
     * @param score        events in its second most involved theatre
     * @param involvements every theatre it is involved in, most involved first
     */
    public record Bridge(ActorKey actor, long score, List<Involvement> involvements) {
        public Bridge {
            involvements = List.copyOf(involvements);
        }

        public long total() {
            return involvements.stream().mapToLong(Involvement::events).sum();
        }
    }

    private Bridges() {
    }

    /** Theatres found in the ties: groups connected by ties with at least {@code minEvents} theatre events. */
    public static List<Theatre> detectTheatres(List<Tie> ties, int minEvents) {
        Map<ActorKey, ActorKey> parent = new TreeMap<>();
        for (Tie t : ties) {
            long war = 0;
            for (EventType type : THEATRE_TYPES) {
                war += t.realised(type);
            }
            if (war >= Math.max(1, minEvents)) {
                ActorKey ra = root(parent, t.a());
                ActorKey rb = root(parent, t.b());
                if (!ra.equals(rb)) {
                    parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
                }
            }
        }
        Map<ActorKey, Set<ActorKey>> groups = new TreeMap<>();
        for (ActorKey k : new ArrayList<>(parent.keySet())) {
            groups.computeIfAbsent(root(parent, k), x -> new TreeSet<>()).add(k);
        }
        List<Theatre> out = new ArrayList<>();
        for (Set<ActorKey> g : groups.values()) {
            List<String> names = new ArrayList<>();
            g.forEach(k -> names.add(k.toString()));
            out.add(new Theatre(String.join("/", names), g));
        }
        out.sort(Comparator.comparing((Theatre t) -> -t.members().size()).thenComparing(Theatre::name));
        return out;
    }

    private static ActorKey root(Map<ActorKey, ActorKey> parent, ActorKey k) {
        parent.putIfAbsent(k, k);
        ActorKey r = k;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** Bridges between the theatres, best first (score, then total involvement, then key). */
    public static List<Bridge> rank(List<Tie> ties, List<Theatre> theatres) {
        Map<ActorKey, List<Tie>> tiesOf = new TreeMap<>();
        for (Tie t : ties) {
            if (t.events() > 0) {
                tiesOf.computeIfAbsent(t.a(), x -> new ArrayList<>()).add(t);
                tiesOf.computeIfAbsent(t.b(), x -> new ArrayList<>()).add(t);
            }
        }
        List<Bridge> out = new ArrayList<>();
        for (Map.Entry<ActorKey, List<Tie>> e : tiesOf.entrySet()) {
            ActorKey x = e.getKey();
            List<Involvement> inv = new ArrayList<>();
            for (Theatre th : theatres) {
                List<Tie> into = new ArrayList<>();
                long events = 0;
                for (Tie t : e.getValue()) {
                    if (th.contains(t.other(x))) {
                        into.add(t);
                        events += t.events();
                    }
                }
                if (events > 0) {
                    into.sort(Comparator.comparing((Tie t) -> -t.events()).thenComparing(t -> t.other(x)));
                    inv.add(new Involvement(th, events, into, List.of()));
                }
            }
            if (inv.size() >= 2) {
                inv.sort(Comparator.comparing((Involvement i) -> -i.events()).thenComparing(i -> i.theatre().name()));
                out.add(new Bridge(x, inv.get(1).events(), inv));
            }
        }
        out.sort(Comparator.comparing((Bridge b) -> -b.score()).thenComparing(b -> -b.total())
                .thenComparing(Bridge::actor));
        return out;
    }

    /**
     * Bridges in the store's scope between the given theatres, or between detected ones when {@code theatres}
     * is empty; each involvement carries up to {@code evidencePerTie} events of each of its two heaviest ties.
     */
    public static List<Bridge> query(EventQueries store, Scope scope, List<Theatre> theatres, int minEvents,
                                     int evidencePerTie) {
        List<Tie> ties = Relations.ties(scope.flows(store));
        List<Theatre> th = theatres.isEmpty() ? detectTheatres(ties, minEvents) : theatres;
        List<Bridge> out = new ArrayList<>();
        for (Bridge b : rank(ties, th)) {
            out.add(withEvidence(store, scope, b, evidencePerTie));
        }
        return out;
    }

    /** The bridge with salient realised events of the two heaviest ties of each involvement. */
    public static Bridge withEvidence(EventQueries store, Scope scope, Bridge b, int perTie) {
        if (perTie <= 0) {
            return b;
        }
        List<Involvement> inv = new ArrayList<>();
        for (Involvement i : b.involvements()) {
            List<StoredEvent> ev = new ArrayList<>();
            for (Tie t : i.ties().subList(0, Math.min(2, i.ties().size()))) {
                ev.addAll(store.events(scope.filter().realisedOnly().withPair(t.a(), t.b())
                        .withOrder(EventFilter.Order.SALIENCE).withPage(perTie, 0)));
            }
            inv.add(new Involvement(i.theatre(), i.events(), i.ties(), ev));
        }
        return new Bridge(b.actor(), b.score(), inv);
    }
}
