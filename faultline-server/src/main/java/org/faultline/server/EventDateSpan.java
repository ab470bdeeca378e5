package org.faultline.server;

import java.time.LocalDate;
import org.faultline.query.EventDates;
import org.faultline.store.StoreQueries;

/**
 * The dates of a store's events: the whole range and the span that holds their bulk, from the 1st to the 99th
 * percentile. With {@code n} events in date order, {@code from} is the date of the event of rank {@code n / 100 + 1}
 * (rounded down, counted from 1) and {@code to} that of rank {@code n - n / 100}, so a store of fewer than 100 events
 * keeps its whole range, and at most {@code n / 100} events fall before {@code from} and as many after {@code to}
 * (fewer when others share the bound's date). An article that mentions an old war, or a plan for years ahead,
 * yields a stray event date; the bulk span is what the page opens on, so a few strays do not stretch its default
 * time range over empty years.
 *
 * <p>Read by {@link StoreQueries#eventDates(int)}: the count and range, then one discrete-quantile query; no event is
 * read.
 *
 * @param first  the earliest event date
 * @param last   the latest event date
 * @param from   the date of the earliest event kept
 * @param to     the date of the latest event kept
 * @param before events dated before {@code from}
 * @param after  events dated after {@code to}
 */
record EventDateSpan(LocalDate first, LocalDate last, LocalDate from, LocalDate to, long before, long after) {

    /** The span of the store's events, or {@code null} for a store without events. */
    static EventDateSpan of(StoreQueries store) {
        EventDates d = store.eventDates(1).orElse(null);
        return d == null ? null : new EventDateSpan(d.first(), d.last(), d.bulkFrom(), d.bulkTo(), d.before(),
                d.after());
    }
}
