package org.faultline.analysis.novel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.faultline.analysis.Scope;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.StoredEvent;

/**
 * What happened for the first time since a date: directed dyads never seen before ({@code type} null), and
 * event types new to a dyad that existed before (e.g. a first MOBILIZE of North Korea towards Russia). Only
 * realised events count. Pure over dyad totals; the store query looks at all history up to the scope's end.
 * Evidence is the first events of the pair since the date, in either direction.
 */
public final class NovelDyads {
    /**
     * Something new.
     *
     * @param source    who acted
     * @param target    to whom
     * @param type      the new event type, or {@code null} when the whole dyad is new
     * @param firstSeen date of its first event
     * @param events    its events since then
     * @param evidence  its first events (empty until the store query fills them)
     */
    public record Novelty(ActorKey source, ActorKey target, EventType type, LocalDate firstSeen, long events,
                          List<StoredEvent> evidence) {
        public Novelty {
            Objects.requireNonNull(firstSeen, "firstSeen");
            evidence = List.copyOf(evidence);
        }
    }

    private NovelDyads() {
    }

    /** Novelties in these totals (which must cover all history) since {@code since}, newest first. */
    public static List<Novelty> of(List<DyadTotal> totals, ActorLevel level, LocalDate since) {
        Map<List<ActorKey>, Object[]> dyads = new TreeMap<>(NovelDyads::comparePair);
        Map<List<Object>, Object[]> typed = new TreeMap<>(Comparator.comparing((List<Object> k) -> (ActorKey) k.get(0))
                .thenComparing(k -> (ActorKey) k.get(1)).thenComparing(k -> (EventType) k.get(2)));
        for (DyadTotal t : totals) {
            if (t.status() != EventStatus.REALISED) {
                continue;
            }
            ActorKey s = t.source().at(level);
            ActorKey d = t.target().at(level);
            if (s.equals(d)) {
                continue;
            }
            merge(dyads.computeIfAbsent(List.of(s, d), k -> new Object[] {null, 0L}), t);
            merge(typed.computeIfAbsent(List.of(s, d, t.eventType()), k -> new Object[] {null, 0L}), t);
        }
        List<Novelty> out = new ArrayList<>();
        dyads.forEach((k, v) -> {
            LocalDate first = (LocalDate) v[0];
            if (!first.isBefore(since)) {
                out.add(new Novelty(k.get(0), k.get(1), null, first, (Long) v[1], List.of()));
            }
        });
        typed.forEach((k, v) -> {
            LocalDate first = (LocalDate) v[0];
            LocalDate dyadFirst = (LocalDate) dyads.get(List.of((ActorKey) k.get(0), (ActorKey) k.get(1)))[0];
            if (!first.isBefore(since) && dyadFirst.isBefore(since)) {
                out.add(new Novelty((ActorKey) k.get(0), (ActorKey) k.get(1), (EventType) k.get(2), first, (Long) v[1],
                        List.of()));
            }
        });
        out.sort(Comparator.comparing(Novelty::firstSeen).reversed().thenComparing(Novelty::source)
                .thenComparing(Novelty::target)
                .thenComparing(n -> n.type() == null ? "" : n.type().name()));
        return out;
    }

    /** First date and event count; a novelty's events all fall on or after {@code since}, so all are counted. */
    private static void merge(Object[] acc, DyadTotal t) {
        if (acc[0] == null || t.firstDate().isBefore((LocalDate) acc[0])) {
            acc[0] = t.firstDate();
        }
        acc[1] = (Long) acc[1] + t.events();
    }

    private static int comparePair(List<ActorKey> x, List<ActorKey> y) {
        int c = x.get(0).compareTo(y.get(0));
        return c != 0 ? c : x.get(1).compareTo(y.get(1));
    }

    /**
     * Novelties since {@code since} up to the scope's end (the scope's start is ignored: first means first in
     * the whole store), each with its first {@code evidence} events.
     */
    public static List<Novelty> query(EventQueries store, Scope scope, LocalDate since, int evidence) {
        EventFilter all = EventFilter.all().withDates(null, scope.to()).withRepresentativesOnly(scope.stories())
                .realisedOnly();
        List<Novelty> found = of(store.dyadTotals(all, scope.level(), null), scope.level(), since);
        if (evidence <= 0) {
            return found;
        }
        List<Novelty> out = new ArrayList<>();
        for (Novelty n : found) {
            EventFilter f = all.withDates(since, scope.to()).withPair(n.source(), n.target()).withPage(evidence, 0);
            if (n.type() != null) {
                f = f.withTypes(EnumSet.of(n.type()));
            }
            out.add(new Novelty(n.source(), n.target(), n.type(), n.firstSeen(), n.events(), store.events(f)));
        }
        return out;
    }
}
