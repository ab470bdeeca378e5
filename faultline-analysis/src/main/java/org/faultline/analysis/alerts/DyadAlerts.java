package org.faultline.analysis.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.faultline.model.EventType;
import org.faultline.query.ActorLevel;
import org.faultline.query.Dyad;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventFilter;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;

/**
 * What a newly stored document says for the first time, or more loudly than usual, between two actors. Judged at
 * country level over realised events, counting stories (merged mentions once), against the store as it was before
 * the document:
 * <ul>
 *   <li>{@link Kind#NEW_DYAD}: the directed dyad had no event at all (as {@code faultline novel} finds a new dyad,
 *       but new since the last document rather than since a date);</li>
 *   <li>{@link Kind#NEW_TYPE}: the dyad existed but never with this event type (as {@code novel}'s new types);</li>
 *   <li>{@link Kind#JUMP}: the change test. For the tone of the event (cooperation: quad classes 1-2; conflict:
 *       3-4), let {@code n} be the dyad's events of that tone in the ISO week of the event, and {@code m} the mean
 *       per week over the {@value #BASELINE_WEEKS} weeks before it. The week jumps when {@code n} reaches
 *       {@link #threshold(double) max(3, floor(m + 3·sqrt(m)) + 1)}, i.e. it is at least 3 and above the
 *       baseline by more than three Poisson standard deviations, for a dyad that existed before the document.
 *       It is raised by the document that makes {@code n} cross the threshold, once per dyad, tone and week.</li>
 * </ul>
 * A mention merged into a story another document reported first raises nothing: the story was news already.
 * Each alert's {@link Alert#id()} names what is new, so the same novelty is one alert however often it is found.
 * Pure over dyad totals ({@link #of}); {@link #query} reads them. Stateless and thread-safe.
 */
public final class DyadAlerts {
    /** Weeks before the event's week that make the baseline of the change test. */
    public static final int BASELINE_WEEKS = 8;
    /** The fewest events in a week that can make a jump. */
    public static final int MIN_JUMP = 3;

    /** What is new. */
    public enum Kind {
        NEW_DYAD, NEW_TYPE, JUMP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Cooperation (quad classes 1 and 2) or conflict (3 and 4). */
    public enum Tone {
        COOPERATION, CONFLICT;

        public static Tone of(int quadClass) {
            return quadClass <= 2 ? COOPERATION : CONFLICT;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One alert.
     *
     * @param kind     what is new
     * @param dyad     between whom (country level)
     * @param type     the event's type
     * @param tone     the event's tone
     * @param week     Monday of the event's week
     * @param count    for a jump, the dyad's events of this tone in the week; else 1
     * @param baseline for a jump, the mean per week before; else 0
     * @param evidence the stored event that raised it
     */
    public record Alert(Kind kind, Dyad dyad, EventType type, Tone tone, LocalDate week, long count, double baseline,
                        StoredEvent evidence) {
        public Alert {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dyad, "dyad");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(week, "week");
            Objects.requireNonNull(evidence, "evidence");
        }

        /** A stable id saying what is new: {@code new_dyad:RUS->PRK}, {@code new_type:RUS->PRK:AID}, {@code jump:RUS->UKR:conflict:2024-06-10}. */
        public String id() {
            switch (kind) {
                case NEW_DYAD:
                    return "new_dyad:" + dyad;
                case NEW_TYPE:
                    return "new_type:" + dyad + ":" + type;
                default:
                    return "jump:" + dyad + ":" + tone.label() + ":" + week;
            }
        }
    }

    private DyadAlerts() {
    }

    /** The events a week needs to jump over a baseline of {@code mean} events per week. */
    public static long threshold(double mean) {
        if (mean < 0 || Double.isNaN(mean)) {
            throw new IllegalArgumentException("baseline mean " + mean + " is not 0 or more");
        }
        return Math.max(MIN_JUMP, (long) Math.floor(mean + 3 * Math.sqrt(mean)) + 1);
    }

    /**
     * The alerts of one document.
     *
     * @param document its stored events (all of them, as read back with their stories)
     * @param weekly   realised story (representative) totals by week at country level, for at least the dyads of
     *                 the document's events, the document included
     */
    public static List<Alert> of(List<StoredEvent> document, List<DyadTotal> weekly) {
        Map<Key, Long> after = new HashMap<>();
        Map<Key, Long> own = new HashMap<>();
        for (DyadTotal t : weekly) {
            if (t.status() == EventStatus.REALISED) {
                after.merge(new Key(new Dyad(t.source(), t.target(), t.joint()), t.eventType(), t.period()), t.events(),
                        Long::sum);
            }
        }
        List<StoredEvent> counted = document.stream().filter(e -> e.representative() && e.event().realised()).toList();
        for (StoredEvent e : counted) {
            for (Dyad d : Dyad.of(e.event(), ActorLevel.COUNTRY)) {
                own.merge(new Key(d, e.event().eventType(), Period.WEEK.start(e.event().date())), 1L, Long::sum);
            }
        }
        Map<Key, Long> before = new HashMap<>(after);
        own.forEach((k, n) -> before.merge(k, -n, Long::sum));
        before.values().removeIf(n -> n <= 0);

        Map<String, Alert> out = new LinkedHashMap<>();
        for (StoredEvent e : counted) {
            if (e.mentions() > 1) {
                continue;
            }
            EventType type = e.event().eventType();
            Tone tone = Tone.of(e.event().quadClass());
            LocalDate week = Period.WEEK.start(e.event().date());
            for (Dyad d : Dyad.of(e.event(), ActorLevel.COUNTRY)) {
                boolean dyadKnown = before.keySet().stream().anyMatch(k -> k.dyad.equals(d));
                if (!dyadKnown) {
                    put(out, new Alert(Kind.NEW_DYAD, d, type, tone, week, 1, 0, e));
                    continue;
                }
                boolean typeKnown = before.keySet().stream().anyMatch(k -> k.dyad.equals(d) && k.type == type);
                if (!typeKnown) {
                    put(out, new Alert(Kind.NEW_TYPE, d, type, tone, week, 1, 0, e));
                }
                long base = 0;
                for (int i = 1; i <= BASELINE_WEEKS; i++) {
                    base += sum(before, d, tone, week.minusWeeks(i));
                }
                double mean = (double) base / BASELINE_WEEKS;
                long now = sum(after, d, tone, week);
                long was = sum(before, d, tone, week);
                long t = threshold(mean);
                if (now >= t && was < t) {
                    put(out, new Alert(Kind.JUMP, d, type, tone, week, now, mean, e));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** The alerts of the stored document {@code docId}, reading its events and the totals of their dyads. */
    public static List<Alert> query(EventQueries store, String docId) {
        List<StoredEvent> events = store.events(EventFilter.all().withDocument(docId));
        Set<Dyad> dyads = new LinkedHashSet<>();
        for (StoredEvent e : events) {
            dyads.addAll(Dyad.of(e.event(), ActorLevel.COUNTRY));
        }
        List<DyadTotal> weekly = new ArrayList<>();
        Set<Set<Object>> pairs = new LinkedHashSet<>();
        for (Dyad d : dyads) {
            if (pairs.add(Set.of(d.source(), d.target()))) {
                weekly.addAll(store.dyadTotals(EventFilter.all().realisedOnly().withRepresentativesOnly(true)
                        .withPair(d.source(), d.target()), ActorLevel.COUNTRY, Period.WEEK));
            }
        }
        return of(events, weekly);
    }

    private static void put(Map<String, Alert> out, Alert a) {
        out.putIfAbsent(a.id(), a);
    }

    private static long sum(Map<Key, Long> totals, Dyad d, Tone tone, LocalDate week) {
        long n = 0;
        for (Map.Entry<Key, Long> x : totals.entrySet()) {
            Key k = x.getKey();
            if (k.dyad.equals(d) && week.equals(k.week) && Tone.of(k.type.quadClass()) == tone) {
                n += x.getValue();
            }
        }
        return n;
    }

    private record Key(Dyad dyad, EventType type, LocalDate week) {
    }
}
