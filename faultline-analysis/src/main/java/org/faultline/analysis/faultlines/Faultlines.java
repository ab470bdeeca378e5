package org.faultline.analysis.faultlines;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.EventsWith;
import org.faultline.query.StoredEvent;

/**
 * Where the interests of two actors A and B meet and where they part, read from realised events (refusals
 * aside). A tie is a partnership when it has more cooperation than conflict, an enmity when the reverse.
 * <ul>
 *   <li>Intersections: {@link Kind#DIRECT_COOPERATION} (A and B cooperate), {@link Kind#SHARED_PARTNER}
 *       (X is a partner of both), {@link Kind#SHARED_ADVERSARY} (X is an adversary of both).</li>
 *   <li>Divergences: {@link Kind#DIRECT_CONFLICT} (A and B in conflict), {@link Kind#A_REFUSES_B} and
 *       {@link Kind#B_REFUSES_A} (refused cooperation or REJECT events), {@link Kind#A_PARTNER_B_ADVERSARY}
 *       (A cooperates with X while B is in conflict with X: A backs B's adversary, or B acts against A's
 *       partner) and {@link Kind#B_PARTNER_A_ADVERSARY}.</li>
 * </ul>
 * Points are ranked by weight: the events of the direct tie, or the smaller of the two ties to X. Immutable.
 */
public final class Faultlines {
    /** What kind of point. */
    public enum Kind {
        DIRECT_COOPERATION(true), SHARED_PARTNER(true), SHARED_ADVERSARY(true),
        DIRECT_CONFLICT(false), A_REFUSES_B(false), B_REFUSES_A(false), A_PARTNER_B_ADVERSARY(false),
        B_PARTNER_A_ADVERSARY(false);

        private final boolean intersection;

        Kind(boolean intersection) {
            this.intersection = intersection;
        }

        public boolean intersection() {
            return intersection;
        }
    }

    /**
     * One point where A and B meet or part.
     *
     * @param kind     what kind
     * @param third    the third actor X, or {@code null} for direct points
     * @param weight   how strong (events)
     * @param summary  one readable line, e.g. "RUS cooperates with IRN, an adversary of ISR"
     * @param ties     the ties it rests on
     * @param evidence salient events behind it (empty until {@link #query} fills them)
     */
    public record Point(Kind kind, ActorKey third, long weight, String summary, List<Tie> ties,
                       List<StoredEvent> evidence) {
        public Point {
            Objects.requireNonNull(kind, "kind");
            ties = List.copyOf(ties);
            evidence = List.copyOf(evidence);
        }
    }

    private final ActorKey a;
    private final ActorKey b;
    private final List<Point> intersections;
    private final List<Point> divergences;

    private Faultlines(ActorKey a, ActorKey b, List<Point> intersections, List<Point> divergences) {
        this.a = a;
        this.b = b;
        this.intersections = List.copyOf(intersections);
        this.divergences = List.copyOf(divergences);
    }

    public ActorKey a() {
        return a;
    }

    public ActorKey b() {
        return b;
    }

    /** Where A and B meet, strongest first. */
    public List<Point> intersections() {
        return intersections;
    }

    /** Where A and B part, strongest first. */
    public List<Point> divergences() {
        return divergences;
    }

    /** The faultlines of A and B in these ties (keys at the ties' level). */
    public static Faultlines of(ActorKey a, ActorKey b, List<Tie> ties) {
        if (a.equals(b)) {
            throw new IllegalArgumentException("faultlines need two different actors, got " + a + " twice");
        }
        Map<ActorKey, Tie> ofA = new TreeMap<>();
        Map<ActorKey, Tie> ofB = new TreeMap<>();
        Tie direct = null;
        for (Tie t : ties) {
            if (t.involves(a) && t.involves(b)) {
                direct = t;
            } else if (t.involves(a)) {
                ofA.put(t.other(a), t);
            } else if (t.involves(b)) {
                ofB.put(t.other(b), t);
            }
        }
        List<Point> meet = new ArrayList<>();
        List<Point> part = new ArrayList<>();
        if (direct != null) {
            if (direct.cooperation() > 0) {
                meet.add(point(Kind.DIRECT_COOPERATION, null, direct.cooperation(),
                        a + " and " + b + " cooperate (" + events(direct.cooperation()) + ")", List.of(direct)));
            }
            if (direct.conflict() > 0) {
                part.add(point(Kind.DIRECT_CONFLICT, null, direct.conflict(),
                        a + " and " + b + " are in conflict (" + events(direct.conflict()) + ")", List.of(direct)));
            }
            if (direct.refusalsBy(a) > 0) {
                part.add(point(Kind.A_REFUSES_B, null, direct.refusalsBy(a),
                        a + " refuses or rejects " + b + " (" + events(direct.refusalsBy(a)) + ")", List.of(direct)));
            }
            if (direct.refusalsBy(b) > 0) {
                part.add(point(Kind.B_REFUSES_A, null, direct.refusalsBy(b),
                        b + " refuses or rejects " + a + " (" + events(direct.refusalsBy(b)) + ")", List.of(direct)));
            }
        }
        for (Map.Entry<ActorKey, Tie> e : ofA.entrySet()) {
            ActorKey x = e.getKey();
            Tie ta = e.getValue();
            Tie tb = ofB.get(x);
            if (tb == null) {
                continue;
            }
            if (ta.partners() && tb.partners()) {
                meet.add(point(Kind.SHARED_PARTNER, x, Math.min(ta.cooperation(), tb.cooperation()),
                        x + " is a partner of both " + a + " and " + b, List.of(ta, tb)));
            } else if (ta.adversaries() && tb.adversaries()) {
                meet.add(point(Kind.SHARED_ADVERSARY, x, Math.min(ta.conflict(), tb.conflict()),
                        x + " is an adversary of both " + a + " and " + b, List.of(ta, tb)));
            } else if (ta.partners() && tb.adversaries()) {
                part.add(point(Kind.A_PARTNER_B_ADVERSARY, x, Math.min(ta.cooperation(), tb.conflict()),
                        a + " cooperates with " + x + ", an adversary of " + b, List.of(ta, tb)));
            } else if (ta.adversaries() && tb.partners()) {
                part.add(point(Kind.B_PARTNER_A_ADVERSARY, x, Math.min(ta.conflict(), tb.cooperation()),
                        b + " cooperates with " + x + ", an adversary of " + a, List.of(ta, tb)));
            }
        }
        Comparator<Point> order = Comparator.comparing((Point p) -> -p.weight()).thenComparing(Point::kind)
                .thenComparing(p -> p.third() == null ? "" : p.third().toString());
        meet.sort(order);
        part.sort(order);
        return new Faultlines(a, b, meet, part);
    }

    private static String events(long n) {
        return n + (n == 1 ? " event" : " events");
    }

    private static Point point(Kind kind, ActorKey third, long weight, String summary, List<Tie> ties) {
        return new Point(kind, third, weight, summary, ties, List.of());
    }

    /**
     * The faultlines of A and B in the store's scope, each point with up to {@code evidencePerTie} salient
     * events of each tie it rests on.
     */
    public static Faultlines query(EventQueries store, Scope scope, ActorKey a, ActorKey b, int evidencePerTie) {
        ActorKey ka = a.at(scope.level());
        ActorKey kb = b.at(scope.level());
        return evidenced(store, scope, of(ka, kb, Relations.ties(scope.flows(store))), evidencePerTie);
    }

    /** These faultlines with up to {@code evidencePerTie} salient events of each tie of each point. */
    static Faultlines evidenced(EventQueries store, Scope scope, Faultlines f, int evidencePerTie) {
        if (evidencePerTie <= 0) {
            return f;
        }
        return new Faultlines(f.a, f.b, withEvidence(store, scope, f.intersections, f.a, f.b, evidencePerTie),
                withEvidence(store, scope, f.divergences, f.a, f.b, evidencePerTie));
    }

    private static final Set<Integer> COOPERATIVE = Set.of(1, 2);
    private static final Set<Integer> CONFLICTUAL = Set.of(3, 4);

    private static List<Point> withEvidence(EventQueries store, Scope scope, List<Point> points, ActorKey a, ActorKey b,
                                            int n) {
        // The evidence of every tie of A and of B: two ranked reads instead of one or two per point.
        Map<ActorKey, EventsWith> withA = store.topEventsWith(scope.filter().realisedOnly(), scope.level(),
                a, n);
        Map<ActorKey, EventsWith> withB = store.topEventsWith(scope.filter().realisedOnly(), scope.level(),
                b, n);
        EventsWith none = EventsWith.NONE;
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            List<StoredEvent> ev = new ArrayList<>();
            ActorKey x = p.third();
            switch (p.kind()) {
                case DIRECT_COOPERATION:
                    ev.addAll(withA.getOrDefault(b, none).cooperation());
                    break;
                case DIRECT_CONFLICT:
                    ev.addAll(withA.getOrDefault(b, none).conflict());
                    break;
                case A_REFUSES_B:
                    ev.addAll(refusals(store, scope, a, b, n));
                    break;
                case B_REFUSES_A:
                    ev.addAll(refusals(store, scope, b, a, n));
                    break;
                case SHARED_PARTNER:
                    ev.addAll(withA.getOrDefault(x, none).cooperation());
                    ev.addAll(withB.getOrDefault(x, none).cooperation());
                    break;
                case SHARED_ADVERSARY:
                    ev.addAll(withA.getOrDefault(x, none).conflict());
                    ev.addAll(withB.getOrDefault(x, none).conflict());
                    break;
                case A_PARTNER_B_ADVERSARY:
                    ev.addAll(withA.getOrDefault(x, none).cooperation());
                    ev.addAll(withB.getOrDefault(x, none).conflict());
                    break;
                default:
                    ev.addAll(withA.getOrDefault(x, none).conflict());
                    ev.addAll(withB.getOrDefault(x, none).cooperation());
            }
            out.add(new Point(p.kind(), x, p.weight(), p.summary(), p.ties(), ev));
        }
        return out;
    }

    /** Cooperation {@code by} refused towards {@code to}, and its REJECT events. */
    private static List<StoredEvent> refusals(EventQueries store, Scope scope, ActorKey by, ActorKey to, int n) {
        EventFilter directed = scope.filter().withActor(by).withRecipient(to);
        List<StoredEvent> out = new ArrayList<>(store.topEvents(directed.withStatuses(EnumSet.of(EventStatus.REFUSED))
                .withQuadClasses(COOPERATIVE), scope.level(), n));
        out.addAll(store.topEvents(directed.realisedOnly().withTypes(EnumSet.of(EventType.REJECT)), scope.level(), n));
        return out;
    }
}
