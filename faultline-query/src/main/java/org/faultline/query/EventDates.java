package org.faultline.query;

import java.time.LocalDate;

/**
 * The dates of a store's events: the whole range and the span that holds their bulk. With {@code events} events in
 * date order and a trim of {@code k = events * percent / 100} (rounded down) at each end, {@code bulkFrom} is the date
 * of the event of rank {@code k + 1} (counted from 1) and {@code bulkTo} that of rank {@code events - k}: for a trim of
 * 1 %, the 1st and 99th percentiles as PostgreSQL's {@code percentile_disc} reads them, except that the lower one is
 * taken at rank {@code k + 1}, not {@code ceil(events / 100)}, so that a store of fewer than 100 events keeps its whole
 * range and exactly {@code k} events are left out below when their dates differ. Events on the same date as a bound
 * are inside the bulk, so {@code before} (events dated before {@code bulkFrom}) and {@code after} (events dated after
 * {@code bulkTo}) are each at most {@code k}.
 *
 * @param events   how many events the store holds (at least 1)
 * @param first    the earliest event date
 * @param last     the latest event date
 * @param bulkFrom the date of the earliest event kept
 * @param bulkTo   the date of the latest event kept
 * @param before   events dated before {@code bulkFrom}
 * @param after    events dated after {@code bulkTo}
 */
public record EventDates(long events, LocalDate first, LocalDate last, LocalDate bulkFrom, LocalDate bulkTo,
                         long before, long after) {
}
