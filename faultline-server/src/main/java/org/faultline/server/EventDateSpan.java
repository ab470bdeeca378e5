package org.faultline.server;

import java.time.LocalDate;
import org.faultline.store.EventFilter;
import org.faultline.store.EventStore;

/**
 * The dates of a store's events: the whole range and the span that holds their bulk, from the 1st to the 99th
 * percentile. With {@code n} events, the {@code n / 100} (rounded down) earliest and as many latest events are left
 * out, so a store of fewer than 100 events keeps its whole range. An article that mentions an old war, or a plan for
 * years ahead, yields a stray event date; the bulk span is what the page opens on, so a few strays do not stretch its
 * default time range over empty years.
 *
 * <p>Found by bisection on event counts up to a date (about 30 counting queries), so no event is read.
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
    static EventDateSpan of(EventStore store) {
        long n = store.countEvents(EventFilter.all());
        if (n == 0) {
            return null;
        }
        LocalDate first = store.events(EventFilter.all().withPage(1, 0)).get(0).event().date();
        LocalDate last = store.events(EventFilter.all().withOrder(EventFilter.Order.DATE_DESC).withPage(1, 0)).get(0)
                .event().date();
        long cut = n / 100;
        LocalDate from = dateOfRank(store, cut + 1, first, last);
        LocalDate to = dateOfRank(store, n - cut, first, last);
        long before = from.equals(first) ? 0 : upTo(store, from.minusDays(1));
        long after = n - upTo(store, to);
        return new EventDateSpan(first, last, from, to, before, after);
    }

    /** The first date by which at least {@code rank} events have happened (rank counted from 1, in date order). */
    private static LocalDate dateOfRank(EventStore store, long rank, LocalDate first, LocalDate last) {
        long lo = first.toEpochDay();
        long hi = last.toEpochDay();
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            if (upTo(store, LocalDate.ofEpochDay(mid)) >= rank) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return LocalDate.ofEpochDay(lo);
    }

    private static long upTo(EventStore store, LocalDate day) {
        return store.countEvents(EventFilter.all().withDates(null, day));
    }
}
