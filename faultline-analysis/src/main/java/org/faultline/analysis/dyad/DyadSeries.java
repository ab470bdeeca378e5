package org.faultline.analysis.dyad;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.faultline.analysis.Scope;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;

/**
 * The relation of two actors A and B over time, in both directions: per period, realised events per type and
 * quad class, who acted, summed Goldstein and PLOVER scores, the count of unrealised events, and the most
 * salient evidence. Counts are summed in the database. Immutable.
 */
public final class DyadSeries {
    /**
     * One period.
     *
     * @param start      first day of the period
     * @param byType     realised events per type
     * @param byQuad     realised events per quad class; index 0 unused, 1..4
     * @param fromA      realised events with A acting: A to B, and joint actions of A and B
     * @param fromB      realised events with B acting: B to A, and joint actions
     * @param unrealised negated, refused, future and hypothetical events
     * @param goldstein  sum of Goldstein scores of realised events
     * @param plover     sum of PLOVER base scores of realised events
     * @param evidence   the most salient events of the period (any status)
     */
    public record Row(LocalDate start, Map<EventType, Long> byType, long[] byQuad, long fromA, long fromB,
                      long unrealised, double goldstein, double plover, List<StoredEvent> evidence) {
        public Row {
            Objects.requireNonNull(start, "start");
            byType = Collections.unmodifiableMap(new EnumMap<>(byType.isEmpty() ? new EnumMap<>(EventType.class)
                    : byType));
            byQuad = byQuad.clone();
            evidence = List.copyOf(evidence);
        }

        @Override
        public long[] byQuad() {
            return byQuad.clone();
        }

        public long quad(int q) {
            return byQuad[q];
        }

        public long events() {
            return byQuad[1] + byQuad[2] + byQuad[3] + byQuad[4];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && start.equals(r.start) && byType.equals(r.byType)
                    && java.util.Arrays.equals(byQuad, r.byQuad) && fromA == r.fromA && fromB == r.fromB
                    && unrealised == r.unrealised && Double.compare(goldstein, r.goldstein) == 0
                    && Double.compare(plover, r.plover) == 0 && evidence.equals(r.evidence);
        }

        @Override
        public int hashCode() {
            return Objects.hash(start, byType, java.util.Arrays.hashCode(byQuad), fromA, fromB, unrealised);
        }
    }

    private final ActorKey a;
    private final ActorKey b;
    private final Period period;
    private final List<Row> rows;

    private DyadSeries(ActorKey a, ActorKey b, Period period, List<Row> rows) {
        this.a = a;
        this.b = b;
        this.period = period;
        this.rows = List.copyOf(rows);
    }

    /**
     * Folds per-period totals of the pair (as {@link EventQueries#dyadTotals} returns them with a period) into
     * rows; {@code evidence} maps a period start to its events.
     */
    public static DyadSeries of(ActorKey a, ActorKey b, Period period, List<DyadTotal> totals,
                                Map<LocalDate, List<StoredEvent>> evidence) {
        Map<LocalDate, Acc> acc = new TreeMap<>();
        for (DyadTotal t : totals) {
            if (t.period() == null) {
                throw new IllegalArgumentException("dyad series needs totals by period; got one without for "
                        + t.source() + "->" + t.target());
            }
            Acc x = acc.computeIfAbsent(t.period(), k -> new Acc());
            if (t.status() != EventStatus.REALISED) {
                x.unrealised += t.events();
                continue;
            }
            x.byType.merge(t.eventType(), t.events(), Long::sum);
            x.byQuad[t.quadClass()] += t.events();
            x.goldstein += t.goldstein();
            x.plover += t.plover();
            if (t.joint()) {
                x.fromA += t.events();
                x.fromB += t.events();
            } else if (a.covers(t.source().key(), t.source().sector())) {
                x.fromA += t.events();
            } else {
                x.fromB += t.events();
            }
        }
        evidence.keySet().forEach(p -> acc.computeIfAbsent(p, k -> new Acc()));
        List<Row> rows = new ArrayList<>();
        acc.forEach((p, x) -> rows.add(new Row(p, x.byType, x.byQuad, x.fromA, x.fromB, x.unrealised, x.goldstein,
                x.plover, evidence.getOrDefault(p, List.of()))));
        return new DyadSeries(a, b, period, rows);
    }

    /** The series of A and B in the store's scope, by period, with up to {@code evidence} events per period. */
    public static DyadSeries query(EventQueries store, Scope scope, ActorKey a, ActorKey b, Period period,
                                   int evidence) {
        EventFilter f = scope.filter().withPair(a, b);
        Map<LocalDate, List<StoredEvent>> top = evidence > 0
                ? store.topEventsByPeriod(f, scope.level(), period, evidence) : Map.of();
        return of(a, b, period, store.dyadTotals(f, scope.level(), period), top);
    }

    public ActorKey a() {
        return a;
    }

    public ActorKey b() {
        return b;
    }

    public Period period() {
        return period;
    }

    /** Periods with events, oldest first. */
    public List<Row> rows() {
        return rows;
    }

    private static final class Acc {
        final Map<EventType, Long> byType = new EnumMap<>(EventType.class);
        final long[] byQuad = new long[5];
        long fromA;
        long fromB;
        long unrealised;
        double goldstein;
        double plover;
    }
}
