package org.faultline.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.store.EventStore;

/**
 * A world the size of the example corpus (36 countries, about 360 events in 120 articles, 2022 to 2024), made from
 * a fixed seed: 18 pairs of allies that cooperate with each other and quarrel with neighbouring pairs, so the
 * network has many blocs and crowded labels. Events are dated a few days before their article's publication date.
 * Conflictual events are placed, with coordinates, in the recipient's capital (about half the events: the map's
 * points); cooperative ones have no place. Two strays: an article of 2024-03-10 that mentions a 2006 war ({@link #OLD_WAR_DOC}), and one of 2024-05-02 about
 * a plan for 2028 that was denied ({@link #PLAN_DOC}).
 */
final class CrowdedWorld {
    static final String OLD_WAR_DOC = "old-war";
    static final String PLAN_DOC = "denied-plan";
    /** Code, name, capital and the capital's latitude and longitude. */
    static final String[][] COUNTRIES = {
        {"USA", "United States", "Washington", "38.90", "-77.04"}, {"GBR", "Britain", "London", "51.51", "-0.13"},
        {"FRA", "France", "Paris", "48.86", "2.35"}, {"DEU", "Germany", "Berlin", "52.52", "13.40"},
        {"ITA", "Italy", "Rome", "41.90", "12.50"}, {"ESP", "Spain", "Madrid", "40.42", "-3.70"},
        {"POL", "Poland", "Warsaw", "52.23", "21.01"}, {"UKR", "Ukraine", "Kyiv", "50.45", "30.52"},
        {"RUS", "Russia", "Moscow", "55.76", "37.62"}, {"BLR", "Belarus", "Minsk", "53.90", "27.57"},
        {"CHN", "China", "Beijing", "39.90", "116.40"}, {"PRK", "North Korea", "Pyongyang", "39.04", "125.76"},
        {"IRN", "Iran", "Tehran", "35.69", "51.39"}, {"SYR", "Syria", "Damascus", "33.51", "36.29"},
        {"ISR", "Israel", "Jerusalem", "31.77", "35.21"}, {"EGY", "Egypt", "Cairo", "30.04", "31.24"},
        {"JOR", "Jordan", "Amman", "31.95", "35.93"}, {"SAU", "Saudi Arabia", "Riyadh", "24.71", "46.68"},
        {"ARE", "the Emirates", "Abu Dhabi", "24.45", "54.38"}, {"QAT", "Qatar", "Doha", "25.29", "51.53"},
        {"TUR", "Turkey", "Ankara", "39.93", "32.86"}, {"IND", "India", "New Delhi", "28.61", "77.21"},
        {"PAK", "Pakistan", "Islamabad", "33.68", "73.05"}, {"AFG", "Afghanistan", "Kabul", "34.56", "69.21"},
        {"JPN", "Japan", "Tokyo", "35.68", "139.69"}, {"KOR", "South Korea", "Seoul", "37.57", "126.98"},
        {"TWN", "Taiwan", "Taipei", "25.03", "121.57"}, {"PHL", "the Philippines", "Manila", "14.60", "120.98"},
        {"VNM", "Vietnam", "Hanoi", "21.03", "105.85"}, {"AUS", "Australia", "Canberra", "-35.28", "149.13"},
        {"NZL", "New Zealand", "Wellington", "-41.29", "174.78"}, {"CAN", "Canada", "Ottawa", "45.42", "-75.70"},
        {"MEX", "Mexico", "Mexico City", "19.43", "-99.13"}, {"BRA", "Brazil", "Brasilia", "-15.79", "-47.88"},
        {"ARG", "Argentina", "Buenos Aires", "-34.60", "-58.38"}, {"ZAF", "South Africa", "Pretoria", "-25.75", "28.19"}};
    private static final EventType[] COOPERATION = {EventType.AGREE, EventType.CONSULT, EventType.AID};
    private static final EventType[] CONFLICT = {EventType.ACCUSE, EventType.THREATEN, EventType.ASSAULT};

    private CrowdedWorld() {
    }

    /** Stores every article with its events; returns the number of events. */
    static int fill(EventStore store) {
        Random rnd = new Random(12);
        LocalDate start = LocalDate.of(2022, 1, 10);
        int n = 0;
        for (int d = 0; d < 120; d++) {
            LocalDate published = start.plusDays(d * 9L);
            Builder b = new Builder("crowd-" + d, published);
            for (int k = 0; k < 3; k++) {
                int pair = rnd.nextInt(18);
                int a = 2 * pair + rnd.nextInt(2);
                int other;
                EventType type;
                if (rnd.nextInt(2) == 0) {
                    other = a % 2 == 0 ? a + 1 : a - 1;
                    type = COOPERATION[rnd.nextInt(COOPERATION.length)];
                } else {
                    int rival = (pair + 1 + rnd.nextInt(2)) % 18;
                    other = 2 * rival + rnd.nextInt(2);
                    type = CONFLICT[rnd.nextInt(CONFLICT.length)];
                }
                b.event(type, a, other, published.minusDays(rnd.nextInt(4)), Modality.ASSERTED);
            }
            n += b.store(store);
        }
        n += new Builder(OLD_WAR_DOC, LocalDate.of(2024, 3, 10))
                .event(EventType.ASSAULT, 14, 13, LocalDate.of(2006, 8, 1), Modality.ASSERTED).store(store);
        n += new Builder(PLAN_DOC, LocalDate.of(2024, 5, 2))
                .event(EventType.AGREE, 10, 8, LocalDate.of(2028, 1, 1), Modality.NEGATED).store(store);
        return n;
    }

    private static final class Builder {
        private final String id;
        private final LocalDate published;
        private final StringBuilder text = new StringBuilder();
        private final List<Event> events = new ArrayList<>();

        Builder(String id, LocalDate published) {
            this.id = id;
            this.published = published;
        }

        Builder event(EventType type, int actor, int recipient, LocalDate date, Modality modality) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            String a = COUNTRIES[actor][1];
            String r = COUNTRIES[recipient][1];
            String verb = type.name().toLowerCase(java.util.Locale.ROOT) + "d";
            int s = text.length();
            String sentence = a + " " + verb + " " + r + ".";
            text.append(sentence);
            int t = s + a.length() + 1;
            int rs = t + verb.length() + 1;
            ActorRef who = new ActorRef(a, COUNTRIES[actor][0], null, COUNTRIES[actor][1], "country:" + COUNTRIES[actor][0], s,
                    s + a.length());
            ActorRef whom = new ActorRef(r, COUNTRIES[recipient][0], null, COUNTRIES[recipient][1], "country:" + COUNTRIES[recipient][0],
                    rs, rs + r.length());
            Evidence ev = new Evidence(id, events.size(), s, s + sentence.length(), sentence, verb, t, t + verb.length());
            String[] target = COUNTRIES[recipient];
            Location place = type.cooperative() ? null : new Location(target[2], target[0], null,
                    Double.valueOf(target[3]), Double.valueOf(target[4]));
            events.add(new Event(id + "-" + events.size(), id, type, null, List.of(), type.cooperative() ? "040" : "190",
                    type.quadClass(), type.ploverScore(), List.of(who), List.of(whom), date,
                    date.equals(published) ? DatePrecision.ARTICLE : DatePrecision.DAY, place, null,
                    modality == Modality.NEGATED, modality, null, 0.9, List.of(ev), "test:" + verb, "crowded-world"));
            return this;
        }

        int store(EventStore store) {
            store.writer().storeCoded(new Article(id, published, text.toString(), "Report " + id, "Crowd Wire",
                    "https://example.org/" + id, id + ".txt"), events);
            return events.size();
        }
    }
}
