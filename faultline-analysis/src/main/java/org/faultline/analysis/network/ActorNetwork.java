package org.faultline.analysis.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.analysis.Flow;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.store.ActorKey;
import org.faultline.store.EventStore;
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

    private ActorNetwork(List<Node> nodes, List<Flow> edges, int minEvents) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        this.minEvents = minEvents;
    }

    /**
     * Builds the network from directed flows: keeps the edges with at least {@code minEvents} realised events
     * (at least 1) and the actors they touch. Node activity counts all their flows, kept or not.
     */
    public static ActorNetwork of(List<Flow> flows, int minEvents, Map<String, String> names) {
        if (minEvents < 1) {
            throw new IllegalArgumentException("minEvents is " + minEvents + "; it must be at least 1");
        }
        Map<ActorKey, long[]> activity = new TreeMap<>();
        List<Flow> kept = new ArrayList<>();
        for (Flow f : flows) {
            for (ActorKey k : List.of(f.source(), f.target())) {
                long[] a = activity.computeIfAbsent(k, x -> new long[2]);
                a[0] += f.cooperation();
                a[1] += f.conflict();
            }
            if (f.events() >= minEvents) {
                kept.add(f);
            }
        }
        Map<ActorKey, Node> nodes = new TreeMap<>();
        for (Flow f : kept) {
            for (ActorKey k : List.of(f.source(), f.target())) {
                long[] a = activity.get(k);
                nodes.computeIfAbsent(k, x -> new Node(x, nameOf(x, names), a[0], a[1]));
            }
        }
        return new ActorNetwork(new ArrayList<>(nodes.values()), kept, minEvents);
    }

    /** The network of the scope's period in the store. */
    public static ActorNetwork query(EventStore store, Scope scope, int minEvents) {
        return of(Relations.flows(scope.totals(store), scope.level()), minEvents,
                store.actorNames());
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
