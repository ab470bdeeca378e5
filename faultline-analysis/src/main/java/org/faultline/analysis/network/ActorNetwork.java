package org.faultline.analysis.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.analysis.Flow;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorActivity;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.PairTotals;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedWeightedPseudograph;

/**
 * The actor graph of a period: directed edges signed and weighted by realised cooperation and conflict, and
 * each actor's activity. Immutable; computed once from dyad totals (summed in the database).
 */
public final class ActorNetwork {
    /**
     * One actor.
     *
     * @param actor       its key at the network's level
     * @param name        display name, or the key when unnamed
     * @param cooperation realised cooperative events it took part in (either side)
     * @param conflict    realised conflictual events it took part in (either side)
     */
    public record Node(ActorKey actor, String name, long cooperation, long conflict) {
        public long activity() {
            return cooperation + conflict;
        }
    }

    private final List<Node> nodes;
    private final List<Flow> edges;
    private final int minEvents;
    private final long edgesTotal;

    private ActorNetwork(List<Node> nodes, List<Flow> edges, int minEvents, long edgesTotal) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.minEvents = minEvents;
        this.edgesTotal = edgesTotal;
    }

    /**
     * Builds the network from directed flows: keeps the edges with at least {@code minEvents} realised events
     * (at least 1) and the actors they touch. Node activity counts all their flows, kept or not.
     */
    public static ActorNetwork of(List<Flow> flows, int minEvents, Map<String, String> names) {
        return of(flows, minEvents, 0, names);
    }

    /**
     * As {@link #of(List, int, Map)}, keeping at most {@code maxEdges} edges (0: all): those with the most
     * realised events, ties broken by source and target; {@link #edgesTotal()} counts the edges before the cut.
     */
    public static ActorNetwork of(List<Flow> flows, int minEvents, int maxEdges, Map<String, String> names) {
        checkMin(minEvents);
        List<Flow> kept = new ArrayList<>();
        for (Flow f : flows) {
            if (f.events() >= minEvents) {
                kept.add(f);
            }
        }
        long total = kept.size();
        if (maxEdges > 0 && kept.size() > maxEdges) {
            kept.sort(Comparator.comparingLong(Flow::events).reversed().thenComparing(Flow::source)
                    .thenComparing(Flow::target));
            kept = new ArrayList<>(kept.subList(0, maxEdges));
            kept.sort(Comparator.comparing(Flow::source).thenComparing(Flow::target));
        }
        return new ActorNetwork(touched(kept, activityOf(flows), names), kept, minEvents, total);
    }

    /** The network of the scope's period in the store, every edge. */
    public static ActorNetwork query(EventQueries store, Scope scope, int minEvents) {
        return query(store, scope, minEvents, 0);
    }

    /**
     * The network of the scope's period in the store, with at most {@code maxEdges} edges (0: all) chosen as
     * {@link #of(List, int, int, Map)} chooses them. Edges and activity are summed per pair and per actor in the
     * database, so the cost does not grow with the number of event types and statuses of a pair.
     */
    public static ActorNetwork query(EventQueries store, Scope scope, int minEvents, int maxEdges) {
        return query(store, scope.filter(), scope.level(), minEvents, maxEdges);
    }

    /** As {@link #query(EventQueries, Scope, int, int)}, over the events of any store filter (e.g. some types). */
    public static ActorNetwork query(EventQueries store, EventFilter filter, ActorLevel level, int minEvents,
                                     int maxEdges) {
        checkMin(minEvents);
        PairTotals pairs = store.pairTotals(filter, level, minEvents, maxEdges);
        List<Flow> edges = Relations.flowsOfPairs(pairs.rows(), level);
        Map<ActorKey, long[]> activity;
        if (minEvents == 1 && maxEdges == 0) {
            // every pair with a realised event is an edge, and the others add nothing to anyone's activity
            activity = activityOf(edges);
        } else {
            activity = new TreeMap<>();
            for (ActorActivity a : store.actorActivity(filter, level)) {
                activity.put(a.actor(), new long[] {a.cooperation(), a.conflict()});
            }
        }
        return new ActorNetwork(touched(edges, activity, store.actorNames()), edges, minEvents, pairs.pairs());
    }

    private static void checkMin(int minEvents) {
        if (minEvents < 1) {
            throw new IllegalArgumentException("minEvents is " + minEvents + "; it must be at least 1");
        }
    }

    /** Realised cooperation and conflict of each actor over the flows it is an end of. */
    private static Map<ActorKey, long[]> activityOf(List<Flow> flows) {
        Map<ActorKey, long[]> activity = new TreeMap<>();
        for (Flow f : flows) {
            for (ActorKey k : List.of(f.source(), f.target())) {
                long[] a = activity.computeIfAbsent(k, x -> new long[2]);
                a[0] += f.cooperation();
                a[1] += f.conflict();
            }
        }
        return activity;
    }

    /** The actors the edges touch, with their activity. */
    private static List<Node> touched(List<Flow> edges, Map<ActorKey, long[]> activity, Map<String, String> names) {
        Map<ActorKey, Node> nodes = new TreeMap<>();
        for (Flow f : edges) {
            for (ActorKey k : List.of(f.source(), f.target())) {
                long[] a = activity.getOrDefault(k, new long[2]);
                nodes.computeIfAbsent(k, x -> new Node(x, nameOf(x, names), a[0], a[1]));
            }
        }
        return new ArrayList<>(nodes.values());
    }

    /** "Russia (RUS)" or "RUS:MIL" style display name. */
    public static String nameOf(ActorKey k, Map<String, String> names) {
        String n = names.get(k.key());
        return n == null ? k.toString() : k.sector() == null ? n : n + " " + k.sector();
    }

    /** Actors, sorted by key. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Directed edges, sorted by source then target. */
    public List<Flow> edges() {
        return edges;
    }

    public int minEvents() {
        return minEvents;
    }

    /** Edges that had at least {@link #minEvents()} realised events, before any cut to a maximum. */
    public long edgesTotal() {
        return edgesTotal;
    }

    /** Whether edges were cut to a maximum. */
    public boolean truncated() {
        return edgesTotal > edges.size();
    }

    /** The kept edges as undirected ties. */
    public List<Tie> ties() {
        return Relations.ties(edges);
    }

    /** A JGraphT view (directed, weighted by net cooperation), for algorithms and exporters. */
    public Graph<ActorKey, Flow> toGraph() {
        Graph<ActorKey, Flow> g = new DirectedWeightedPseudograph<>(Flow.class);
        nodes.forEach(n -> g.addVertex(n.actor()));
        for (Flow f : edges) {
            g.addEdge(f.source(), f.target(), f);
            g.setEdgeWeight(f, f.net());
        }
        return g;
    }

    public Map<ActorKey, Node> nodeMap() {
        Map<ActorKey, Node> m = new TreeMap<>();
        nodes.forEach(n -> m.put(n.actor(), n));
        return Collections.unmodifiableMap(m);
    }
}
