package org.faultline.analysis.faultlines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.faultline.query.EventQueries;
import org.faultline.query.EventsWith;
import org.faultline.query.StoredEvent;

/**
 * Where the interests of two or more parties meet and part: the {@link Faultlines} of every pair, plus, for three
 * or more parties, what all of them share and where one stands apart from the others. Partners and adversaries
 * are read from ties as {@link Faultlines} reads them (more cooperation than conflict, or the reverse).
 * <ul>
 *   <li>Shared by all: {@link Kind#ALL_PARTNER} (X is a partner of every party; weight: the smallest of their
 *       cooperation with X) and {@link Kind#ALL_ADVERSARY} (X an adversary of every party; the smallest conflict).</li>
 *   <li>One apart: {@link Kind#APART_BACKS} (party P is a partner of X while every other party is X's adversary),
 *       {@link Kind#APART_OPPOSES} (P is X's adversary while every other is X's partner), and
 *       {@link Kind#APART_DIRECT} (P is an adversary of every other party while those are partners of each other);
 *       weight: the smallest of the counts the point rests on.</li>
 * </ul>
 * A third actor X is never a party. Immutable.
 */
public final class PartyFaultlines {
    /** What kind of point, beyond the pairwise ones. */
    public enum Kind {
        ALL_PARTNER(true), ALL_ADVERSARY(true), APART_BACKS(false), APART_OPPOSES(false), APART_DIRECT(false);

        private final boolean intersection;

        Kind(boolean intersection) {
            this.intersection = intersection;
        }

        public boolean intersection() {
            return intersection;
        }
    }

    /**
     * One point about all parties.
     *
     * @param kind     what kind
     * @param party    the party that stands apart, or {@code null} for points shared by all
     * @param third    the third actor X, or {@code null} for {@link Kind#APART_DIRECT}
     * @param weight   how strong (events)
     * @param summary  one readable line
     * @param ties     the ties it rests on
     * @param evidence salient events behind it (empty until {@link #query} fills them)
     */
    public record Point(Kind kind, ActorKey party, ActorKey third, long weight, String summary, List<Tie> ties,
                        List<StoredEvent> evidence) {
        public Point {
            Objects.requireNonNull(kind, "kind");
            ties = List.copyOf(ties);
            evidence = List.copyOf(evidence);
        }

        /** Identifies the point across periods: kind, party and third. */
        public String key() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + "|" + (party == null ? "" : party) + "|"
                    + (third == null ? "" : third);
        }
    }

    private final List<ActorKey> parties;
    private final List<Faultlines> pairs;
    private final List<Point> shared;
    private final List<Point> apart;

    private PartyFaultlines(List<ActorKey> parties, List<Faultlines> pairs, List<Point> shared, List<Point> apart) {
        this.parties = List.copyOf(parties);
        this.pairs = List.copyOf(pairs);
        this.shared = List.copyOf(shared);
        this.apart = List.copyOf(apart);
    }

    public List<ActorKey> parties() {
        return parties;
    }

    /** The faultlines of each pair of parties, in the parties' order (1-2, 1-3, ..., 2-3, ...). */
    public List<Faultlines> pairs() {
        return pairs;
    }

    /** What all parties share (empty for two parties: see the pair), strongest first. */
    public List<Point> shared() {
        return shared;
    }

    /** Where one party stands apart from the others (empty for two parties), strongest first. */
    public List<Point> apart() {
        return apart;
    }

    /**
     * The faultlines of the parties in these ties (keys at the ties' level).
     *
     * @throws IllegalArgumentException for fewer than two parties or a party given twice
     */
    public static PartyFaultlines of(List<ActorKey> parties, List<Tie> ties) {
        if (parties.size() < 2) {
            throw new IllegalArgumentException("faultlines need at least two parties, got " + parties);
        }
        if (new LinkedHashSet<>(parties).size() != parties.size()) {
            throw new IllegalArgumentException("a party is given twice in " + parties);
        }
        List<Faultlines> pairs = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            for (int j = i + 1; j < parties.size(); j++) {
                pairs.add(Faultlines.of(parties.get(i), parties.get(j), ties));
            }
        }
        List<Point> shared = new ArrayList<>();
        List<Point> apart = new ArrayList<>();
        if (parties.size() >= 3) {
            Set<ActorKey> partySet = new TreeSet<>(parties);
            Map<ActorKey, Map<ActorKey, Tie>> with = new HashMap<>();
            Set<ActorKey> thirds = new TreeSet<>();
            for (ActorKey p : parties) {
                with.put(p, new TreeMap<>());
            }
            for (Tie t : ties) {
                for (ActorKey p : parties) {
                    if (t.involves(p)) {
                        ActorKey o = t.other(p);
                        with.get(p).put(o, t);
                        if (!partySet.contains(o)) {
                            thirds.add(o);
                        }
                    }
                }
            }
            for (ActorKey x : thirds) {
                thirdPoints(parties, with, x, shared, apart);
            }
            for (ActorKey p : parties) {
                directApart(parties, with, p, apart);
            }
        }
        Comparator<Point> order = Comparator.comparing((Point p) -> -p.weight()).thenComparing(Point::kind)
                .thenComparing(p -> p.party() == null ? "" : p.party().toString())
                .thenComparing(p -> p.third() == null ? "" : p.third().toString());
        shared.sort(order);
        apart.sort(order);
        return new PartyFaultlines(parties, pairs, shared, apart);
    }

    private static void thirdPoints(List<ActorKey> parties, Map<ActorKey, Map<ActorKey, Tie>> with, ActorKey x,
                                    List<Point> shared, List<Point> apart) {
        List<Tie> tx = new ArrayList<>();
        for (ActorKey p : parties) {
            Tie t = with.get(p).get(x);
            if (t == null) {
                return;
            }
            tx.add(t);
        }
        if (tx.stream().allMatch(Tie::partners)) {
            shared.add(new Point(Kind.ALL_PARTNER, null, x, tx.stream().mapToLong(Tie::cooperation).min().orElse(0),
                    x + " is a partner of " + list(parties), tx, List.of()));
            return;
        }
        if (tx.stream().allMatch(Tie::adversaries)) {
            shared.add(new Point(Kind.ALL_ADVERSARY, null, x, tx.stream().mapToLong(Tie::conflict).min().orElse(0),
                    x + " is an adversary of " + list(parties), tx, List.of()));
            return;
        }
        for (int i = 0; i < parties.size(); i++) {
            ActorKey p = parties.get(i);
            Tie mine = tx.get(i);
            List<ActorKey> others = new ArrayList<>(parties);
            others.remove(i);
            List<Tie> theirs = new ArrayList<>(tx);
            theirs.remove(i);
            if (mine.partners() && theirs.stream().allMatch(Tie::adversaries)) {
                long w = Math.min(mine.cooperation(), theirs.stream().mapToLong(Tie::conflict).min().orElse(0));
                apart.add(new Point(Kind.APART_BACKS, p, x, w, p + " cooperates with " + x + ", an adversary of "
                        + list(others), tx, List.of()));
            } else if (mine.adversaries() && theirs.stream().allMatch(Tie::partners)) {
                long w = Math.min(mine.conflict(), theirs.stream().mapToLong(Tie::cooperation).min().orElse(0));
                apart.add(new Point(Kind.APART_OPPOSES, p, x, w, p + " is in conflict with " + x + ", a partner of "
                        + list(others), tx, List.of()));
            }
        }
    }

    private static void directApart(List<ActorKey> parties, Map<ActorKey, Map<ActorKey, Tie>> with, ActorKey p,
                                    List<Point> apart) {
        List<Tie> used = new ArrayList<>();
        long w = Long.MAX_VALUE;
        List<ActorKey> others = new ArrayList<>(parties);
        others.remove(p);
        for (ActorKey q : others) {
            Tie t = with.get(p).get(q);
            if (t == null || !t.adversaries()) {
                return;
            }
            used.add(t);
            w = Math.min(w, t.conflict());
        }
        for (int i = 0; i < others.size(); i++) {
            for (int j = i + 1; j < others.size(); j++) {
                Tie t = with.get(others.get(i)).get(others.get(j));
                if (t == null || !t.partners()) {
                    return;
                }
                used.add(t);
                w = Math.min(w, t.cooperation());
            }
        }
        apart.add(new Point(Kind.APART_DIRECT, p, null, w, p + " is in conflict with " + list(others)
                + ", who are partners", used, List.of()));
    }

    /** "A, B and C". */
    static String list(List<ActorKey> keys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : i == keys.size() - 1 ? " and " : ", ").append(keys.get(i));
        }
        return b.toString();
    }

    /**
     * The faultlines of the parties in the store's scope (coalitions among the parties must be in the scope), each
     * point with up to {@code evidencePerTie} salient events of each tie it rests on.
     */
    public static PartyFaultlines query(EventQueries store, Scope scope, List<ActorKey> parties, int evidencePerTie) {
        List<ActorKey> keys = new ArrayList<>();
        parties.forEach(p -> keys.add(p.at(scope.level())));
        PartyFaultlines f = of(keys, Relations.ties(scope.flows(store)));
        if (evidencePerTie <= 0) {
            return f;
        }
        List<Faultlines> pairs = new ArrayList<>();
        f.pairs.forEach(x -> pairs.add(Faultlines.evidenced(store, scope, x, evidencePerTie)));
        Map<ActorKey, Map<ActorKey, EventsWith>> with = new HashMap<>();
        if (keys.size() >= 3) {
            for (ActorKey p : keys) {
                with.put(p, store.topEventsWith(scope.filter().realisedOnly(), scope.level(), p, evidencePerTie));
            }
        }
        return new PartyFaultlines(keys, pairs, evidence(f.shared, keys, with), evidence(f.apart, keys, with));
    }

    private static List<Point> evidence(List<Point> points, List<ActorKey> parties,
                                        Map<ActorKey, Map<ActorKey, EventsWith>> with) {
        EventsWith none = EventsWith.NONE;
        List<Point> out = new ArrayList<>();
        for (Point pt : points) {
            List<StoredEvent> ev = new ArrayList<>();
            for (ActorKey p : parties) {
                if (pt.kind() == Kind.APART_DIRECT) {
                    for (ActorKey q : parties) {
                        if (p.compareTo(q) < 0) {
                            EventsWith w = with.get(p).getOrDefault(q, none);
                            boolean apartPair = p.equals(pt.party()) || q.equals(pt.party());
                            ev.addAll(apartPair ? w.conflict() : w.cooperation());
                        }
                    }
                    continue;
                }
                EventsWith w = with.get(p).getOrDefault(pt.third(), none);
                boolean cooperation;
                switch (pt.kind()) {
                    case ALL_PARTNER:
                        cooperation = true;
                        break;
                    case ALL_ADVERSARY:
                        cooperation = false;
                        break;
                    case APART_BACKS:
                        cooperation = p.equals(pt.party());
                        break;
                    default:
                        cooperation = !p.equals(pt.party());
                }
                ev.addAll(cooperation ? w.cooperation() : w.conflict());
            }
            out.add(new Point(pt.kind(), pt.party(), pt.third(), pt.weight(), pt.summary(), pt.ties(), ev));
        }
        return out;
    }
}
