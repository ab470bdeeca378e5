package org.faultline.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.faultline.query.ActorLevel;
import org.faultline.query.Coalition;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;

/**
 * What part of the store an analysis looks at: a date range (either end open), the actor level, and whether
 * each merged event counts once ({@code stories}, the default) or once per mention.
 *
 * @param from    first day, inclusive, or {@code null}
 * @param to      last day, inclusive, or {@code null}
 * @param level   country, or actor plus sector
 * @param stories     count each story once (its representative mention) instead of every mention
 * @param coalitions  coalitions counted as one actor each (see {@link Coalition}); none by default
 */
public record Scope(LocalDate from, LocalDate to, ActorLevel level, boolean stories, List<Coalition> coalitions) {
    public Scope {
        Objects.requireNonNull(level, "level");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("scope ends (" + to + ") before it starts (" + from + ")");
        }
        coalitions = List.copyOf(coalitions);
        // checks that they do not overlap, naming the shared member
        EventFilter.all().withCoalitions(coalitions);
    }

    public Scope(LocalDate from, LocalDate to, ActorLevel level, boolean stories) {
        this(from, to, level, stories, List.of());
    }

    public static Scope all() {
        return new Scope(null, null, ActorLevel.COUNTRY, true);
    }

    public static Scope between(LocalDate from, LocalDate to) {
        return new Scope(from, to, ActorLevel.COUNTRY, true);
    }

    public Scope at(ActorLevel l) {
        return new Scope(from, to, l, stories, coalitions);
    }

    public Scope countingMentions() {
        return new Scope(from, to, level, false, coalitions);
    }

    /** This scope with these coalitions counted as one actor each (replacing any before). */
    public Scope withCoalitions(List<Coalition> cs) {
        return new Scope(from, to, level, stories, cs);
    }

    /** This scope over another period. */
    public Scope during(LocalDate start, LocalDate end) {
        return new Scope(start, end, level, stories, coalitions);
    }

    /** Dyad totals of the scope at its level, per type and status, summed in the database. */
    public List<DyadTotal> totals(EventQueries store) {
        return store.dyadTotals(filter(), level, null);
    }

    /** Directed flows of the scope at its level, every pair (also those with only unrealised events). */
    public List<Flow> flows(EventQueries store) {
        return Relations.flowsOfPairs(store.pairTotals(filter(), level, 0, 0).rows(), level);
    }

    /** The store filter for this scope (every status: analyses sort realised from unrealised themselves). */
    public EventFilter filter() {
        return EventFilter.all().withDates(from, to).withRepresentativesOnly(stories).withCoalitions(coalitions);
    }
}
