package org.faultline.query;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.model.EventType;

/**
 * Which stored events a query reads. Immutable; each {@code with...} returns a changed copy. Unset fields
 * do not filter. Actor fields match the actor key, and the sector too when the key names one
 * ({@code RUS} matches every Russian actor, {@code RUS:MIL} only the military).
 *
 * <p>Defaults: all events, every status, every mention (not only story representatives), ordered by date,
 * no limit.
 */
public final class EventFilter {
    /** Order of {@link EventQueries#events} results. */
    public enum Order {
        /** date, then event id */
        DATE,
        /** newest first, then event id */
        DATE_DESC,
        /** most mentioned story first, then confidence, then date and id: what to show as evidence */
        SALIENCE;

        /**
         * The order named {@code date}, {@code newest} (or {@code date_desc}) or {@code salience}, in any case: the
         * names of the command line's {@code --order} and the API's {@code order}.
         *
         * @throws IllegalArgumentException naming the accepted values
         */
        public static Order parse(String name) {
            switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "date":
                    return DATE;
                case "newest":
                case "date_desc":
                    return DATE_DESC;
                case "salience":
                    return SALIENCE;
                default:
                    throw new IllegalArgumentException("unknown order '" + name + "'; expected date, newest or salience");
            }
        }
    }

    private ActorKey actor;
    private ActorKey recipient;
    private ActorKey either;
    private java.util.List<ActorKey> anyOf = java.util.List.of();
    private ActorKey pairA;
    private ActorKey pairB;
    private Set<EventType> types = Set.of();
    private Set<Integer> quadClasses = Set.of();
    private Set<String> sectors = Set.of();
    private LocalDate from;
    private LocalDate to;
    private String country;
    private String text;
    private Double confidenceBelow;
    private Set<EventStatus> statuses = Set.of();
    private boolean representativesOnly;
    private boolean locatedOnly;
    private String docId;
    private int limit;
    private int offset;
    private Order order = Order.DATE;
    private java.util.List<Coalition> coalitions = java.util.List.of();

    private EventFilter() {
    }

    public static EventFilter all() {
        return new EventFilter();
    }

    private EventFilter copy() {
        EventFilter f = new EventFilter();
        f.actor = actor;
        f.recipient = recipient;
        f.either = either;
        f.anyOf = anyOf;
        f.pairA = pairA;
        f.pairB = pairB;
        f.types = types;
        f.quadClasses = quadClasses;
        f.sectors = sectors;
        f.from = from;
        f.to = to;
        f.country = country;
        f.text = text;
        f.confidenceBelow = confidenceBelow;
        f.statuses = statuses;
        f.representativesOnly = representativesOnly;
        f.locatedOnly = locatedOnly;
        f.docId = docId;
        f.limit = limit;
        f.offset = offset;
        f.order = order;
        f.coalitions = coalitions;
        return f;
    }

    /** Events where {@code a} is among the actors. */
    public EventFilter withActor(ActorKey a) {
        EventFilter f = copy();
        f.actor = a;
        return f;
    }

    /** Events where {@code r} is among the recipients. */
    public EventFilter withRecipient(ActorKey r) {
        EventFilter f = copy();
        f.recipient = r;
        return f;
    }

    /** Events where {@code x} is an actor or a recipient. */
    public EventFilter withEither(ActorKey x) {
        EventFilter f = copy();
        f.either = x;
        return f;
    }

    /** Events where any of these (coalitions of the filter included) is an actor or a recipient; none: no filter. */
    public EventFilter withAnyOf(java.util.Collection<ActorKey> keys) {
        EventFilter f = copy();
        f.anyOf = keys == null ? java.util.List.of() : java.util.List.copyOf(keys);
        return f;
    }

    public java.util.List<ActorKey> anyOf() {
        return anyOf;
    }

    /** Events of the dyad a-b in either direction (including joint actions of the two). */
    public EventFilter withPair(ActorKey a, ActorKey b) {
        if ((a == null) != (b == null)) {
            throw new IllegalArgumentException("a pair needs both actors, got " + a + " and " + b);
        }
        EventFilter f = copy();
        f.pairA = a;
        f.pairB = b;
        return f;
    }

    public EventFilter withTypes(Set<EventType> t) {
        EventFilter f = copy();
        f.types = t == null || t.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(t));
        return f;
    }

    public EventFilter withQuadClasses(Set<Integer> q) {
        for (int c : q) {
            if (c < 1 || c > 4) {
                throw new IllegalArgumentException("quad class " + c + " is not in 1..4");
            }
        }
        EventFilter f = copy();
        f.quadClasses = Collections.unmodifiableSet(new TreeSet<>(q));
        return f;
    }

    /**
     * Only what an actor of one of these PLOVER sectors ({@code MIL}, {@code REB}, any case) takes part in: a dyad
     * whose source or target side has such an actor (at every level: at country and group level the actor whose key
     * that side is, so that {@code ISR} with its army striking Hamas is a MIL dyad and a government's talks in the
     * same event are not), an event with such an actor or recipient. None: no filter.
     */
    public EventFilter withSectors(Set<String> s) {
        Set<String> upper = new TreeSet<>();
        if (s != null) {
            s.forEach(x -> upper.add(x.trim().toUpperCase(Locale.ROOT)));
        }
        EventFilter f = copy();
        f.sectors = Collections.unmodifiableSet(upper);
        return f;
    }

    /** Events dated from {@code start} to {@code end}, both inclusive; either may be {@code null}. */
    public EventFilter withDates(LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("date range ends (" + end + ") before it starts (" + start + ")");
        }
        EventFilter f = copy();
        f.from = start;
        f.to = end;
        return f;
    }

    /** Events whose location country is this ISO 3166-1 alpha-3 code. */
    public EventFilter withCountry(String c) {
        EventFilter f = copy();
        f.country = c == null || c.isBlank() ? null : c.trim().toUpperCase(Locale.ROOT);
        return f;
    }

    /** Events with an evidence sentence containing this text (case-insensitive). */
    public EventFilter withText(String t) {
        EventFilter f = copy();
        f.text = t == null || t.isBlank() ? null : t;
        return f;
    }

    /**
     * Events whose confidence is below {@code c} (those the gate's second opinion disagreed with come first: it
     * halves the rules' confidence when the encoder sees no event); {@code null} for all.
     *
     * @throws IllegalArgumentException when {@code c} is not in (0, 1]
     */
    public EventFilter withConfidenceBelow(Double c) {
        if (c != null && !(c > 0 && c <= 1)) {
            throw new IllegalArgumentException("confidence bound " + c + " is not in (0, 1]");
        }
        EventFilter f = copy();
        f.confidenceBelow = c;
        return f;
    }

    public EventFilter withStatuses(Set<EventStatus> s) {
        EventFilter f = copy();
        f.statuses = s == null || s.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(s));
        return f;
    }

    /** Only events that took place. */
    public EventFilter realisedOnly() {
        return withStatuses(EnumSet.of(EventStatus.REALISED));
    }

    /** Count each merged event once: keep only the representative mention of each story. */
    public EventFilter withRepresentativesOnly(boolean only) {
        EventFilter f = copy();
        f.representativesOnly = only;
        return f;
    }

    /** Only events whose place has coordinates (a latitude and a longitude): what a map can show. */
    public EventFilter withLocatedOnly(boolean only) {
        EventFilter f = copy();
        f.locatedOnly = only;
        return f;
    }

    public EventFilter withDocument(String id) {
        EventFilter f = copy();
        f.docId = id;
        return f;
    }

    /** At most {@code n} results ({@code 0}: no limit), skipping the first {@code skip}. */
    public EventFilter withPage(int n, int skip) {
        if (n < 0 || skip < 0) {
            throw new IllegalArgumentException("limit " + n + " and offset " + skip + " must not be negative");
        }
        EventFilter f = copy();
        f.limit = n;
        f.offset = skip;
        return f;
    }

    public EventFilter withOrder(Order o) {
        EventFilter f = copy();
        f.order = java.util.Objects.requireNonNull(o, "order");
        return f;
    }

    /**
     * Treat each of these coalitions as one actor: its name in an actor field matches its members, and dyads are
     * counted with the members folded into it (see {@link Coalition}). Coalitions must not share members, and
     * their names must differ.
     *
     * @throws IllegalArgumentException naming the shared member or name
     */
    public EventFilter withCoalitions(java.util.Collection<Coalition> cs) {
        java.util.Map<ActorKey, String> owner = new java.util.HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (Coalition c : cs) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("coalition " + c.name() + " is given twice");
            }
            for (ActorKey m : c.members()) {
                String before = owner.put(m, c.name());
                if (before != null) {
                    throw new IllegalArgumentException(m + " is a member of both " + before + " and " + c.name()
                            + "; coalitions asked together must not overlap");
                }
            }
        }
        for (Coalition c : cs) {
            if (owner.containsKey(c.key())) {
                throw new IllegalArgumentException("coalition " + c.name() + " is also a member of "
                        + owner.get(c.key()));
            }
        }
        EventFilter f = copy();
        f.coalitions = java.util.List.copyOf(cs);
        return f;
    }

    /** The coalitions folded into one actor each, in the order given. */
    public java.util.List<Coalition> coalitions() {
        return coalitions;
    }

    /** The coalition named by this key (without sector), or {@code null}. */
    public Coalition coalition(ActorKey k) {
        if (k == null) {
            return null;
        }
        for (Coalition c : coalitions) {
            if (c.name().equals(k.key())) {
                return c;
            }
        }
        return null;
    }

    public ActorKey actor() {
        return actor;
    }

    public ActorKey recipient() {
        return recipient;
    }

    public ActorKey either() {
        return either;
    }

    public ActorKey pairA() {
        return pairA;
    }

    public ActorKey pairB() {
        return pairB;
    }

    public Set<EventType> types() {
        return types;
    }

    public Set<Integer> quadClasses() {
        return quadClasses;
    }

    public Set<String> sectors() {
        return sectors;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    public String country() {
        return country;
    }

    public String text() {
        return text;
    }

    /** The bound of {@link #withConfidenceBelow}, or {@code null}. */
    public Double confidenceBelow() {
        return confidenceBelow;
    }

    public Set<EventStatus> statuses() {
        return statuses;
    }

    public boolean representativesOnly() {
        return representativesOnly;
    }

    public boolean locatedOnly() {
        return locatedOnly;
    }

    public String docId() {
        return docId;
    }

    public int limit() {
        return limit;
    }

    public int offset() {
        return offset;
    }

    public Order order() {
        return order;
    }
}
