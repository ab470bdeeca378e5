package org.faultline.analysis.faultlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventQueries;
import org.faultline.query.Period;

/**
 * The faultlines of two or more parties per period (quarter or year): every point of the whole-period answer,
 * with its weight in each period as the same rules give it on that period's events alone, and its turning points.
 * Weights of direct points (cooperation, conflict, refusals between two parties) are event counts, so the periods
 * sum to the whole; points over a third actor hold in a period only when their ties do in that period (their weight
 * is a smallest count, which does not add up). Each period keeps its ties, whose counts do sum to the whole.
 *
 * <p>The change test, on each point's weights w<sub>1..T</sub> (empty periods count as 0):
 * <ul>
 *   <li>{@link Change#APPEARED}: the first period with a weight above 0;</li>
 *   <li>{@link Change#ROSE} / {@link Change#FELL}: with m the mean of the (up to four, at least two) periods
 *       before, |w<sub>t</sub> − m| ≥ 3 events and ≥ 2·√max(m, 1) (two standard deviations of a Poisson count
 *       of mean m), in the direction of the change;</li>
 *   <li>{@link Change#FADED}: the first of at least two periods of weight 0 that end the series after a period
 *       above 0.</li>
 * </ul>
 * A period has at most one change (APPEARED and FADED first), and nothing changes after a point faded. Immutable.
 */
public final class FaultlineTimeline {
    /** A turning point's direction. */
    public enum Change {
        APPEARED, ROSE, FELL, FADED
    }

    /**
     * One period.
     *
     * @param start  first day of the calendar period (the question's period may begin later)
     * @param label  e.g. {@code 2024 Q1}
     * @param ties   the parties' ties in this period (every tie of a party, partners and adversaries)
     */
    public record Bucket(LocalDate start, String label, List<Tie> ties) {
        public Bucket {
            ties = List.copyOf(ties);
        }

        /** Realised events on the ties of these parties (each tie's cooperation and conflict). */
        public long events() {
            return ties.stream().mapToLong(Tie::events).sum();
        }
    }

    /**
     * One point over the periods.
     *
     * @param key          {@code A|B|kind|third} for a pair's point, {@code kind|party|third} for the others
     * @param summary      the whole-period summary
     * @param intersection true where the parties meet, false where they part
     * @param whole        the whole-period weight
     * @param weights      weight per period, in bucket order
     * @param turns        turning points
     */
    public record Series(String key, String summary, boolean intersection, long whole, List<Long> weights,
                         List<Turn> turns) {
        public Series {
            weights = List.copyOf(weights);
            turns = List.copyOf(turns);
        }
    }

    /**
     * A turning point.
     *
     * @param bucket   index of the period
     * @param change   what happened
     * @param baseline the mean of the periods before (0 for APPEARED), rounded to tenths
     * @param weight   the weight in that period
     */
    public record Turn(int bucket, Change change, double baseline, long weight) {
        public Turn {
            Objects.requireNonNull(change, "change");
        }
    }

    private final Period by;
    private final List<Bucket> buckets;
    private final List<Series> series;

    private FaultlineTimeline(Period by, List<Bucket> buckets, List<Series> series) {
        this.by = by;
        this.buckets = List.copyOf(buckets);
        this.series = List.copyOf(series);
    }

    public Period by() {
        return by;
    }

    public List<Bucket> buckets() {
        return buckets;
    }

    /** Pairwise points first (pair by pair, intersections then divergences), then shared, then apart points. */
    public List<Series> series() {
        return series;
    }

    /**
     * The timeline of the whole-period answer {@code whole} over per-period ties (keyed by period start, sorted),
     * from the period of {@code first} to that of {@code last}, empty periods included.
     */
    public static FaultlineTimeline of(PartyFaultlines whole, Period by, Map<LocalDate, List<Tie>> tiesByPeriod,
                                       LocalDate first, LocalDate last) {
        if (by != Period.QUARTER && by != Period.YEAR) {
            throw new IllegalArgumentException("faultlines over time go by quarter or year, not " + by);
        }
        List<Bucket> buckets = new ArrayList<>();
        List<Map<String, Long>> weights = new ArrayList<>();
        if (first != null && last != null) {
            for (LocalDate d = by.start(first); !d.isAfter(last); d = by.next(d)) {
                List<Tie> ties = tiesByPeriod.getOrDefault(d, List.of());
                buckets.add(new Bucket(d, by.label(d), ties));
                weights.add(weights(PartyFaultlines.of(whole.parties(), ties)));
            }
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, Object[]> e : points(whole).entrySet()) {
            List<Long> w = new ArrayList<>();
            weights.forEach(m -> w.add(m.getOrDefault(e.getKey(), 0L)));
            series.add(new Series(e.getKey(), (String) e.getValue()[0], (Boolean) e.getValue()[1],
                    (Long) e.getValue()[2], w, turns(w)));
        }
        return new FaultlineTimeline(by, buckets, series);
    }

    /**
     * Where a question on these parties begins when it names no start: the first period (quarter or year) with a
     * realised event on a tie of a party, skipping early stragglers. Stragglers are leading periods cut off from the
     * rest by at least a full year without any such event and holding together under 5% of the parties' realised
     * events (an article's look back at 2014 before eighty events from 2022 on). Empty when the parties have no
     * realised event in the scope. The scope's own start, if any, is not consulted.
     */
    public static java.util.Optional<LocalDate> bulkStart(EventQueries store, Scope scope, List<ActorKey> parties,
                                                          Period by) {
        java.util.SortedMap<LocalDate, Long> per = new TreeMap<>();
        for (DyadTotal t : store.dyadTotals(scope.filter(), scope.level(), by)) {
            if (t.status() == org.faultline.query.EventStatus.REALISED && (parties.contains(t.source().at(scope.level()))
                    || parties.contains(t.target().at(scope.level())))) {
                per.merge(t.period(), t.events(), Long::sum);
            }
        }
        return bulkStart(per, by);
    }

    /**
     * {@link #bulkStart(EventQueries, Scope, List, Period)} over realised events per period start: the start of the
     * first period of the bulk.
     */
    public static java.util.Optional<LocalDate> bulkStart(java.util.SortedMap<LocalDate, Long> perPeriod, Period by) {
        java.util.TreeMap<LocalDate, Long> counts = new TreeMap<>();
        long total = 0;
        for (Map.Entry<LocalDate, Long> e : perPeriod.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("period " + e.getKey() + " has " + e.getValue() + " events");
            }
            if (e.getValue() > 0) {
                counts.merge(by.start(e.getKey()), e.getValue(), Long::sum);
                total += e.getValue();
            }
        }
        List<LocalDate> periods = new ArrayList<>(counts.keySet());
        if (periods.isEmpty()) {
            return java.util.Optional.empty();
        }
        int start = 0;
        long before = 0;
        for (int i = 0; i + 1 < periods.size(); i++) {
            before += counts.get(periods.get(i));
            boolean yearApart = !by.next(periods.get(i)).plusYears(1).isAfter(periods.get(i + 1));
            if (yearApart && before * 20 < total) {
                start = i + 1;
            }
        }
        return java.util.Optional.of(periods.get(start));
    }

    /**
     * The timeline of the parties in the store's scope, by quarter or year; without a scope start or end, the
     * periods run from the first to the last event of the parties' ties.
     */
    public static FaultlineTimeline query(EventQueries store, Scope scope, PartyFaultlines whole, Period by) {
        List<DyadTotal> totals = store.dyadTotals(scope.filter(), scope.level(), by);
        Map<LocalDate, List<DyadTotal>> per = new TreeMap<>();
        LocalDate min = null;
        LocalDate max = null;
        for (DyadTotal t : totals) {
            per.computeIfAbsent(t.period(), k -> new ArrayList<>()).add(t);
            if (whole.parties().contains(t.source().at(scope.level()))
                    || whole.parties().contains(t.target().at(scope.level()))) {
                min = min == null || t.firstDate().isBefore(min) ? t.firstDate() : min;
                max = max == null || t.lastDate().isAfter(max) ? t.lastDate() : max;
            }
        }
        Map<LocalDate, List<Tie>> ties = new TreeMap<>();
        per.forEach((d, list) -> {
            List<Tie> mine = new ArrayList<>();
            for (Tie t : Relations.ties(list, scope.level())) {
                if (whole.parties().stream().anyMatch(t::involves)) {
                    mine.add(t);
                }
            }
            ties.put(d, mine);
        });
        return of(whole, by, ties, scope.from() != null ? scope.from() : min, scope.to() != null ? scope.to() : max);
    }

    /** Key to {summary, intersection, weight} for every point, in series order. */
    private static Map<String, Object[]> points(PartyFaultlines f) {
        Map<String, Object[]> out = new LinkedHashMap<>();
        for (Faultlines pair : f.pairs()) {
            for (List<Faultlines.Point> side : List.of(pair.intersections(), pair.divergences())) {
                for (Faultlines.Point p : side) {
                    out.put(pairKey(pair.a(), pair.b(), p), new Object[] {p.summary(), p.kind().intersection(),
                        p.weight()});
                }
            }
        }
        for (List<PartyFaultlines.Point> side : List.of(f.shared(), f.apart())) {
            for (PartyFaultlines.Point p : side) {
                out.put(p.key(), new Object[] {p.summary(), p.kind().intersection(), p.weight()});
            }
        }
        return out;
    }

    private static Map<String, Long> weights(PartyFaultlines f) {
        Map<String, Long> out = new LinkedHashMap<>();
        points(f).forEach((k, v) -> out.put(k, (Long) v[2]));
        return out;
    }

    /** The key of a pair's point, as {@link Series#key} names it. */
    public static String pairKey(ActorKey a, ActorKey b, Faultlines.Point p) {
        return a + "|" + b + "|" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + "|"
                + (p.third() == null ? "" : p.third());
    }

    /** The change test of the class comment. */
    static List<Turn> turns(List<Long> w) {
        List<Turn> out = new ArrayList<>();
        int firstNonZero = -1;
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i) > 0) {
                firstNonZero = i;
                break;
            }
        }
        int lastNonZero = -1;
        for (int i = w.size() - 1; i >= 0; i--) {
            if (w.get(i) > 0) {
                lastNonZero = i;
                break;
            }
        }
        for (int t = 0; t < w.size(); t++) {
            if (t == firstNonZero) {
                out.add(new Turn(t, Change.APPEARED, 0, w.get(t)));
                continue;
            }
            if (lastNonZero >= 0 && t == lastNonZero + 1 && w.size() - t >= 2) {
                out.add(new Turn(t, Change.FADED, round(mean(w, t)), 0));
                continue;
            }
            if (t >= 2 && t <= lastNonZero + 1) {
                double m = mean(w, t);
                double d = w.get(t) - m;
                if (Math.abs(d) >= 3 && Math.abs(d) >= 2 * Math.sqrt(Math.max(m, 1))) {
                    out.add(new Turn(t, d > 0 ? Change.ROSE : Change.FELL, round(m), w.get(t)));
                }
            }
        }
        return out;
    }

    /** Mean of the up to four periods before {@code t}. */
    private static double mean(List<Long> w, int t) {
        int from = Math.max(0, t - 4);
        double s = 0;
        for (int i = from; i < t; i++) {
            s += w.get(i);
        }
        return t == from ? 0 : s / (t - from);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
