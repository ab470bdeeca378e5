package org.faultline.coding.kb;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One knowledge-base entry: a state, organisation, armed group, state body or office holder.
 *
 * @param id      stable id from the data file ("country:RUS", "group:HAMAS", "office:RUS:president:putin-2012")
 * @param code    the actor code Faultline outputs (ISO3, IGO, IMG, NGO, ...)
 * @param sector  PLOVER sector or {@code null}
 * @param kind    what the entry is
 * @param name    canonical name
 * @param start   first day of validity (office terms), or {@code null}
 * @param end     last day of validity, or {@code null} while current
 * @param office  office held (president, prime_minister, ...) for office holders, else {@code null}
 * @param leader  whether this office is what news calls "the country's leader"
 * @param source  file:line the entry came from
 */
public record ActorEntry(String id, String code, String sector, Kind kind, String name, LocalDate start, LocalDate end,
                         String office, boolean leader, String source) {
    /** Entry kinds. */
    public enum Kind { STATE, IGO, NGO, ARMED_GROUP, PARTY, STATE_BODY, MEDIA, COMPANY, PERSON }

    public ActorEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
        if (sector != null && sector.isBlank()) {
            sector = null;
        }
    }

    /** Whether the entry is valid on the given day (entries without dates always are). */
    public boolean validOn(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }

    /** Days between the day and the validity window (0 inside it). */
    public long distanceTo(LocalDate day) {
        if (start != null && day.isBefore(start)) {
            return start.toEpochDay() - day.toEpochDay();
        }
        if (end != null && day.isAfter(end)) {
            return day.toEpochDay() - end.toEpochDay();
        }
        return 0;
    }
}
