package org.faultline.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventStatus;
import org.faultline.query.PairTotal;

/**
 * Folds dyad totals from the store into {@link Flow}s and {@link Tie}s at an actor level. Pure functions;
 * results are sorted by actor keys, so they do not depend on the order of their input.
 */
public final class Relations {
    private Relations() {
    }

    /**
     * Directed flows at the level; at {@link ActorLevel#COUNTRY} the sectors are summed and events within one
     * country (e.g. its government and its army) are left out.
     */
    public static List<Flow> flows(List<DyadTotal> totals, ActorLevel level) {
        Map<List<ActorKey>, Acc> acc = new TreeMap<>(Relations::comparePair);
        for (DyadTotal t : totals) {
            ActorKey s = t.source().at(level);
            ActorKey d = t.target().at(level);
            if (s.equals(d)) {
                continue;
            }
            acc.computeIfAbsent(List.of(s, d), k -> new Acc()).add(t);
        }
        List<Flow> out = new ArrayList<>();
        acc.forEach((k, a) -> out.add(a.flow(k.get(0), k.get(1))));
        return out;
    }

    /**
     * Directed flows from pair totals (as {@link org.faultline.query.EventQueries#pairTotals} sums them), folded to
     * the level as {@link #flows} folds dyad totals: at {@link ActorLevel#COUNTRY} sector pairs are summed and
     * pairs within one country are left out. Totals already at the level pass through unchanged.
     */
    public static List<Flow> flowsOfPairs(List<PairTotal> pairs, ActorLevel level) {
        Map<List<ActorKey>, Acc> acc = new TreeMap<>(Relations::comparePair);
        for (PairTotal t : pairs) {
            ActorKey s = t.source().at(level);
            ActorKey d = t.target().at(level);
            if (!s.equals(d)) {
                acc.computeIfAbsent(List.of(s, d), k -> new Acc()).add(t);
            }
        }
        List<Flow> out = new ArrayList<>();
        acc.forEach((k, a) -> out.add(a.flow(k.get(0), k.get(1))));
        return out;
    }

    /** Undirected ties from directed flows, one per pair. */
    public static List<Tie> ties(List<Flow> flows) {
        Map<List<ActorKey>, Flow[]> pairs = new TreeMap<>(Relations::comparePair);
        for (Flow f : flows) {
            boolean forward = f.source().compareTo(f.target()) < 0;
            List<ActorKey> key = forward ? List.of(f.source(), f.target()) : List.of(f.target(), f.source());
            pairs.computeIfAbsent(key, k -> new Flow[2])[forward ? 0 : 1] = f;
        }
        List<Tie> out = new ArrayList<>();
        pairs.forEach((k, fs) -> {
            long coop = 0;
            long conflict = 0;
            double goldstein = 0;
            Map<EventType, Long> byType = new EnumMap<>(EventType.class);
            for (Flow f : fs) {
                if (f != null) {
                    coop += f.cooperation();
                    conflict += f.conflict();
                    goldstein += f.goldstein();
                    f.byType().forEach((t, n) -> byType.merge(t, n, Long::sum));
                }
            }
            out.add(new Tie(k.get(0), k.get(1), coop, conflict, fs[0] == null ? 0 : fs[0].refusals(),
                    fs[1] == null ? 0 : fs[1].refusals(), goldstein, byType));
        });
        return out;
    }

    public static List<Tie> ties(List<DyadTotal> totals, ActorLevel level) {
        return ties(flows(totals, level));
    }

    static int comparePair(List<ActorKey> x, List<ActorKey> y) {
        int c = x.get(0).compareTo(y.get(0));
        return c != 0 ? c : x.get(1).compareTo(y.get(1));
    }

    private static final class Acc {
        long cooperation;
        long conflict;
        long refusals;
        long unrealised;
        double goldstein;
        double plover;
        final Map<EventType, Long> byType = new EnumMap<>(EventType.class);

        void add(DyadTotal t) {
            if (t.status() == EventStatus.REALISED) {
                if (t.eventType().cooperative()) {
                    cooperation += t.events();
                } else {
                    conflict += t.events();
                }
                goldstein += t.goldstein();
                plover += t.plover();
                byType.merge(t.eventType(), t.events(), Long::sum);
                if (t.eventType() == EventType.REJECT) {
                    refusals += t.events();
                }
            } else {
                unrealised += t.events();
                if (t.status() == EventStatus.REFUSED && t.eventType().cooperative()) {
                    refusals += t.events();
                }
            }
        }

        void add(PairTotal t) {
            cooperation += t.cooperation();
            conflict += t.conflict();
            refusals += t.refusedCooperation() + t.realised().getOrDefault(EventType.REJECT, 0L);
            unrealised += t.unrealised();
            goldstein += t.goldstein();
            plover += t.plover();
            t.realised().forEach((type, n) -> byType.merge(type, n, Long::sum));
        }

        Flow flow(ActorKey source, ActorKey target) {
            return new Flow(source, target, cooperation, conflict, refusals, unrealised, goldstein, plover, byType);
        }
    }
}
