package org.faultline.query;

import java.time.LocalDate;
import java.util.Objects;
import org.faultline.model.EventType;

/**
 * Events from one actor to another, summed in the database (one row per source, target, type, status, kind and
 * optional period). A directed dyad comes from an actor to a recipient; a joint dyad links two actors of an
 * event without recipient (e.g. "Russia and North Korea signed a treaty"), stored once with the smaller key first.
 *
 * @param period    first day of the period, or {@code null} when not grouped by period
 * @param source    acting actor, with its sector
 * @param target    recipient (or second co-actor for joint dyads), with its sector
 * @param joint     true for co-actors of an event without recipient
 * @param eventType PLOVER type
 * @param status    whether the events took place
 * @param events    number of (mentions or stories, as filtered) events
 * @param goldstein sum of Goldstein scores
 * @param plover    sum of PLOVER base scores
 * @param firstDate earliest event date
 * @param lastDate  latest event date
 */
public record DyadTotal(LocalDate period, ActorKey source, ActorKey target, boolean joint, EventType eventType,
                        EventStatus status, long events, double goldstein, double plover, LocalDate firstDate,
                        LocalDate lastDate) {
    public DyadTotal {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        if (events < 1) {
            throw new IllegalArgumentException("dyad total " + source + "->" + target + " has " + events + " events");
        }
    }

    public int quadClass() {
        return eventType.quadClass();
    }
}
