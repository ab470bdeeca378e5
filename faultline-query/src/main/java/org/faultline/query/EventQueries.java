package org.faultline.query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The questions analyses ask of stored events: the read port of a store. Every method reads the events matching an
 * {@link EventFilter} (page and order ignored unless said otherwise); actors are compared at an {@link ActorLevel},
 * each event counting once per dyad at that level, as the store writes dyads ({@link Dyad#of}). Answers are
 * computed in the database where it can, and returned immutable or as fresh collections.
 *
 * <p>Implementations are thread-safe. Failures of the database are unchecked exceptions naming what was asked.
 */
public interface EventQueries {
    /** Events matching the filter, in its order and page, with their story. */
    List<StoredEvent> events(EventFilter f);

    /** How many events match the filter (ignoring its page and order), and the documents they come from. */
    Tally tally(EventFilter f);

    /**
     * Event counts and score sums per (source, target, type, status, joint), and per period when {@code by} is
     * not null, over the dyads at {@code level} of the events matching the filter (at country level the sectors of
     * the filter's actors are ignored). Rows come sorted by period, source, target, type, status, joint.
     */
    List<DyadTotal> dyadTotals(EventFilter f, ActorLevel level, Period by);

    /**
     * One row per directed pair (at {@code level}) of the events matching the filter, every type and status summed;
     * pairs with fewer than {@code minRealised} realised events are left out (0 keeps pairs with only unrealised
     * events). With {@code limit > 0} only the {@code limit} pairs with the most realised events are returned (ties
     * broken by source, then target); {@link PairTotals#pairs()} still counts every pair that passed the threshold.
     * Rows come sorted by source, then target; summing a pair's dyad totals gives its pair total.
     */
    PairTotals pairTotals(EventFilter f, ActorLevel level, long minRealised, int limit);

    /**
     * Realised cooperation and conflict of each actor (at {@code level}) over the dyads of the events matching
     * the filter, on either side; an actor with only unrealised events has zeros. Sorted by actor.
     */
    List<ActorActivity> actorActivity(EventFilter f, ActorLevel level);

    /**
     * The {@code perPeriod} most salient events (most mentioned story first, then confidence, date and id) in each
     * period among the events with a dyad (at {@code level}) matching the filter. Periods without events are
     * absent; the map is sorted by period.
     */
    Map<LocalDate, List<StoredEvent>> topEventsByPeriod(EventFilter f, ActorLevel level, Period by, int perPeriod);

    /**
     * For each actor that {@code a} has a dyad with (at {@code level}) among the events matching the filter, its
     * {@code perActor} most salient cooperative (quad classes 1-2) and conflictual (3-4) events with {@code a},
     * either way, ranked as {@link #topEventsByPeriod} ranks them. Sorted by the other actor.
     */
    Map<ActorKey, EventsWith> topEventsWith(EventFilter f, ActorLevel level, ActorKey a, int perActor);

    /**
     * The {@code n} most salient events with a dyad (at {@code level}) matching the filter, ranked as
     * {@link #topEventsByPeriod} ranks them. With a recipient in the filter only directed dyads count (not
     * co-actors of an event without recipient).
     */
    List<StoredEvent> topEvents(EventFilter f, ActorLevel level, int n);

    /**
     * The display name of each actor key: a country's own name where the key is a country, else the
     * knowledge-base name most often attached to it (ties: the alphabetically first). Keys never named are absent.
     */
    Map<String, String> actorNames();

    /**
     * The documents with these ids, without their text (where to cite them: title, outlet, URL, dates), by id; ids
     * not stored are absent.
     */
    Map<String, StoredDocument> documentsById(Collection<String> docIds);
}
