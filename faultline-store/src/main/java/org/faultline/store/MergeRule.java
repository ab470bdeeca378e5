package org.faultline.store;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.EventStatus;

/**
 * When two mentions report the same real-world event. Two mentions from <em>different documents</em> are
 * linked when all of these hold:
 * <ol>
 *   <li>the same PLOVER event type;</li>
 *   <li>their actor keys overlap (at least one {@link ActorKey#keyOf actor key} in common; a mention without any
 *       keyed actor links to nothing);</li>
 *   <li>their recipient keys overlap, or neither has a recipient;</li>
 *   <li>their dates differ by at most the window of the coarser of the two date precisions: {@link #dayWindow}
 *       days for day precision and for article-date fallbacks (default 3), {@link #weekWindow} for week
 *       (default 7), {@link #monthWindow} for month (default 31), {@link #yearWindow} for year (default 366);</li>
 *   <li>the same location country when both know it;</li>
 *   <li>the same {@link EventStatus}: both realised, or both refused, both negated, ...</li>
 *   <li>the same place (both know the place, written alike up to case and spacing) or similar wording: the
 *       content words of their evidence sentences (letters and digits, three or more characters, common
 *       function words and reporting verbs left out) have a Jaccard similarity of at least
 *       {@link #WORDING_SIMILARITY}; or, when the caller gives an {@link EvidenceSimilarity} (optional, off by
 *       default), evidence that it finds alike in meaning. Type, dyad and date alone do not make a story: two
 *       shootings by the police of one country in one week are two incidents unless the reports share a place,
 *       their words or their meaning.</li>
 * </ol>
 * A story (merged event) is a connected component of these links (single linkage), so the result does not
 * depend on the order in which documents arrive; its id is the id of its earliest mention (ties: smallest id).
 * Thread-safe (immutable).
 */
public record MergeRule(int dayWindow, int weekWindow, int monthWindow, int yearWindow) {
    public static final MergeRule DEFAULT = new MergeRule(3, 7, 31, 366);
    /** Least Jaccard similarity of the evidence's content words for reports without a shared place. */
    public static final double WORDING_SIMILARITY = 0.25;
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "and", "for", "with", "from", "into", "onto",
            "that", "this", "these", "those", "was", "were", "are", "has", "have", "had", "been", "being", "will",
            "would", "could", "should", "its", "his", "her", "their", "they", "them", "which", "who", "whom", "whose",
            "but", "not", "also", "than", "then", "after", "before", "over", "under", "about", "against", "between",
            "during", "while", "when", "where", "said", "says", "say", "told", "according", "reported", "reports",
            "officials", "official", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "last", "week", "yesterday", "today");

    public MergeRule {
        if (dayWindow < 0 || weekWindow < dayWindow || monthWindow < weekWindow || yearWindow < monthWindow) {
            throw new IllegalArgumentException("merge windows must be non-negative and grow with coarser precision: day "
                    + dayWindow + ", week " + weekWindow + ", month " + monthWindow + ", year " + yearWindow);
        }
    }

    /**
     * Reads the four windows written as {@link #windows()} writes them ("3,7,31,366").
     *
     * @throws IllegalArgumentException when the text is not four whole numbers or the windows do not grow
     */
    public static MergeRule parse(String text) {
        String[] p = text.split(",");
        if (p.length == 4) {
            try {
                return new MergeRule(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()),
                        Integer.parseInt(p[2].strip()), Integer.parseInt(p[3].strip()));
            } catch (NumberFormatException e) {
                // reported below with the expected form
            }
        }
        throw new IllegalArgumentException("expected four day windows (day, week, month, year precision) like "
                + "3,7,31,366");
    }

    /** The four windows in days, comma-separated: day, week, month, year precision. */
    public String windows() {
        return dayWindow + "," + weekWindow + "," + monthWindow + "," + yearWindow;
    }

    /** The widest window; no two linked mentions are further apart than this. */
    public int maxWindow() {
        return yearWindow;
    }

    public int window(DatePrecision p) {
        switch (p) {
            case WEEK:
                return weekWindow;
            case MONTH:
                return monthWindow;
            case YEAR:
                return yearWindow;
            default:
                return dayWindow;
        }
    }

    /** True when the two mentions are linked by this rule (symmetric). */
    public boolean sameStory(Mention a, Mention b) {
        return sameStory(a, b, EvidenceSimilarity.NONE);
    }

    /** True when the two mentions are linked by this rule with {@code meaning} as a further wording condition. */
    public boolean sameStory(Mention a, Mention b, EvidenceSimilarity meaning) {
        if (a.docId().equals(b.docId()) || a.eventType() != b.eventType() || a.status() != b.status()) {
            return false;
        }
        if (Collections.disjoint(a.actorKeys(), b.actorKeys()) || a.actorKeys().isEmpty()) {
            return false;
        }
        boolean noRecipients = a.recipientKeys().isEmpty() && b.recipientKeys().isEmpty();
        if (!noRecipients && Collections.disjoint(a.recipientKeys(), b.recipientKeys())) {
            return false;
        }
        if (a.country() != null && b.country() != null && !a.country().equals(b.country())) {
            return false;
        }
        long gap = Math.abs(ChronoUnit.DAYS.between(a.date(), b.date()));
        if (gap > Math.max(window(a.precision()), window(b.precision()))) {
            return false;
        }
        return a.place() != null && a.place().equals(b.place()) || similarWording(a.words(), b.words())
                || a.evidence() != null && b.evidence() != null && meaning.similar(a.evidence(), b.evidence());
    }

    /** Jaccard similarity of two sets of content words at or above {@link #WORDING_SIMILARITY}; false when empty. */
    static boolean similarWording(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int common = 0;
        for (String w : a) {
            if (b.contains(w)) {
                common++;
            }
        }
        return common >= WORDING_SIMILARITY * (a.size() + b.size() - common);
    }

    /** The content words of a text: lower case, letters and digits, three or more characters, no function words. */
    public static Set<String> contentWords(String text) {
        Set<String> out = new TreeSet<>();
        if (text == null) {
            return out;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() >= 3 && !FUNCTION_WORDS.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** A place as written, lower case with single spaces, or {@code null} when blank or unknown. */
    public static String placeKey(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public boolean sameStory(Event a, Event b) {
        return sameStory(Mention.of(a), Mention.of(b));
    }

    public boolean sameStory(Event a, Event b, EvidenceSimilarity meaning) {
        return sameStory(Mention.of(a), Mention.of(b), meaning);
    }

    /**
     * What the rule looks at in one mention.
     *
     * @param eventId       the event id
     * @param docId         its document
     * @param eventType     its type
     * @param date          its date
     * @param precision     how the date is known
     * @param country       location country or {@code null}
     * @param status        whether it took place
     * @param actorKeys     keys of its actors
     * @param recipientKeys keys of its recipients
     * @param place         its place as {@link #placeKey} writes it, or {@code null}
     * @param words         {@link #contentWords} of its evidence sentences
     * @param evidence      its evidence sentences joined by spaces, for an {@link EvidenceSimilarity}; may be
     *                      {@code null}
     */
    public record Mention(String eventId, String docId, EventType eventType, LocalDate date, DatePrecision precision,
                          String country, EventStatus status, Set<String> actorKeys, Set<String> recipientKeys,
                          String place, Set<String> words, String evidence) {
        public Mention {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(docId, "docId");
            actorKeys = Collections.unmodifiableSet(new TreeSet<>(actorKeys));
            recipientKeys = Collections.unmodifiableSet(new TreeSet<>(recipientKeys));
            words = Collections.unmodifiableSet(new TreeSet<>(words));
        }

        /** A mention without its evidence text (no {@link EvidenceSimilarity} can link it). */
        public Mention(String eventId, String docId, EventType eventType, LocalDate date, DatePrecision precision,
                       String country, EventStatus status, Set<String> actorKeys, Set<String> recipientKeys,
                       String place, Set<String> words) {
            this(eventId, docId, eventType, date, precision, country, status, actorKeys, recipientKeys, place, words,
                    null);
        }

        public static Mention of(Event e) {
            StringBuilder text = new StringBuilder();
            e.evidence().forEach(ev -> text.append(text.length() == 0 ? "" : " ").append(ev.text()));
            return new Mention(e.id(), e.docId(), e.eventType(), e.date(), e.datePrecision(),
                    e.location() == null ? null : e.location().country(), EventStatus.of(e), keys(e.actor()),
                    keys(e.recipient()), e.location() == null ? null : placeKey(e.location().text()),
                    contentWords(text.toString()), text.toString());
        }

        private static Set<String> keys(Iterable<ActorRef> refs) {
            Set<String> out = new TreeSet<>();
            for (ActorRef r : refs) {
                String k = ActorKey.keyOf(r);
                if (k != null) {
                    out.add(k);
                }
            }
            return out;
        }
    }
}
