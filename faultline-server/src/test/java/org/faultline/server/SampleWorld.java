package org.faultline.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * A small hand-made world of documents and events, stored through the store's public API: enough for each
 * endpoint to have something to say, with spans that point into the texts. No NLP involved.
 */
final class SampleWorld {
    static final String XSS_DOC = "xss-article";
    static final String XSS_TEXT = "Russia attacked Ukraine <script>window.__pwned = 1;</script> near "
            + "<img src=x onerror=\"window.__pwned = 2\">Kharkiv.";

    private SampleWorld() {
    }

    /** One article and its events; sentences are found in the text by their words. */
    static final class Doc {
        final String id;
        final LocalDate date;
        final String text;
        final List<Event> events = new ArrayList<>();

        Doc(String id, String date, String text) {
            this.id = id;
            this.date = LocalDate.parse(date);
            this.text = text;
        }

        Doc event(EventType type, String sentence, String trigger, String actorText, String actorCode,
                  String recipientText, String recipientCode, Modality modality, String place) {
            int s = text.indexOf(sentence);
            if (s < 0) {
                throw new IllegalArgumentException("no sentence '" + sentence + "' in " + id);
            }
            int t = text.indexOf(trigger, s);
            List<ActorRef> actors = new ArrayList<>();
            for (String[] a : pairs(actorText, actorCode)) {
                int at = text.indexOf(a[0], s);
                actors.add(new ActorRef(a[0], code(a[1]), sector(a[1]), null, kb(a[1]), at, at + a[0].length()));
            }
            List<ActorRef> recipients = new ArrayList<>();
            for (String[] r : pairs(recipientText, recipientCode)) {
                int rt = text.indexOf(r[0], s);
                recipients.add(new ActorRef(r[0], code(r[1]), sector(r[1]), null, kb(r[1]), rt, rt + r[0].length()));
            }
            Evidence ev = new Evidence(id, events.size(), s, s + sentence.length(), sentence, trigger, t,
                    t + trigger.length());
            Location loc = place == null ? null : new Location(place, null, null, null, null);
            String eid = id + "-" + events.size();
            events.add(new Event(eid, id, type, null, List.of(), cameo(type), type.quadClass(), goldstein(type),
                    actors, recipients, date, DatePrecision.ARTICLE, loc, null, modality == Modality.NEGATED, modality,
                    null, 0.9, List.of(ev), "test:" + type.name().toLowerCase(java.util.Locale.ROOT), "test-world"));
            return this;
        }

        Doc event(EventType type, String sentence, String trigger, String actorText, String actorCode,
                  String recipientText, String recipientCode) {
            return event(type, sentence, trigger, actorText, actorCode, recipientText, recipientCode,
                    Modality.ASSERTED, null);
        }

        Article article() {
            return new Article(id, date, text, "Title of " + id, "test", null, id + ".txt");
        }
    }

    private static List<String[]> pairs(String texts, String codes) {
        List<String[]> out = new ArrayList<>();
        if (texts == null) {
            return out;
        }
        String[] t = texts.split("\\|");
        String[] c = codes.split("\\|");
        for (int i = 0; i < t.length; i++) {
            out.add(new String[] {t[i], c[i]});
        }
        return out;
    }

    private static String code(String spec) {
        String k = spec.split(":")[0];
        return k.length() == 3 ? k : "IGO";
    }

    /** The sector after the colon; a bare code has none, as the coder writes countries named as a whole. */
    private static String sector(String spec) {
        String[] p = spec.split(":");
        return p.length > 1 ? p[1] : null;
    }

    private static String kb(String spec) {
        String k = spec.split(":")[0];
        return k.length() == 3 ? "country:" + k : k;
    }

    private static String cameo(EventType t) {
        return t.cooperative() ? "040" : "190";
    }

    private static double goldstein(EventType t) {
        return t.ploverScore();
    }

    static List<Doc> docs() {
        List<Doc> docs = new ArrayList<>();
        docs.add(new Doc("d1-invasion", "2022-02-24",
                "Russia attacked Ukraine on Thursday. The United States condemned Russia.")
                .event(EventType.ASSAULT, "Russia attacked Ukraine on Thursday.", "attacked", "Russia", "RUS:MIL",
                        "Ukraine", "UKR", Modality.ASSERTED, "Ukraine")
                .event(EventType.ACCUSE, "The United States condemned Russia.", "condemned", "United States", "USA",
                        "Russia", "RUS"));
        docs.add(new Doc("d2-aid", "2022-06-23",
                "The United States sent rockets to Ukraine. Germany gave Ukraine air defence systems.")
                .event(EventType.AID, "The United States sent rockets to Ukraine.", "sent", "United States", "USA:MIL",
                        "Ukraine", "UKR:MIL")
                .event(EventType.AID, "Germany gave Ukraine air defence systems.", "gave", "Germany", "DEU",
                        "Ukraine", "UKR"));
        docs.add(new Doc("d3-treaty", "2024-06-19",
                "Russia and North Korea signed a defence treaty in Pyongyang. Iran supplied drones to Russia.")
                .event(EventType.AGREE, "Russia and North Korea signed a defence treaty in Pyongyang.", "signed",
                        "Russia|North Korea", "RUS|PRK", null, null, Modality.ASSERTED, "Pyongyang")
                .event(EventType.AID, "Iran supplied drones to Russia.", "supplied", "Iran", "IRN:MIL", "Russia",
                        "RUS:MIL"));
        docs.add(new Doc("d4-refusal", "2024-10-10",
                "Israel refused to send air defences to Ukraine. Russia struck Kharkiv again.")
                .event(EventType.AID, "Israel refused to send air defences to Ukraine.", "send", "Israel", "ISR",
                        "Ukraine", "UKR", Modality.REFUSED, null)
                .event(EventType.ASSAULT, "Russia struck Kharkiv again.", "struck", "Russia", "RUS:MIL", "Kharkiv",
                        "UKR:CVL", Modality.ASSERTED, "Kharkiv"));
        docs.add(new Doc("d5-iran", "2024-10-26",
                "Israel struck Iran overnight. Iran threatened Israel with a response.")
                .event(EventType.ASSAULT, "Israel struck Iran overnight.", "struck", "Israel", "ISR:MIL", "Iran",
                        "IRN:MIL")
                .event(EventType.THREATEN, "Iran threatened Israel with a response.", "threatened", "Iran", "IRN",
                        "Israel", "ISR"));
        docs.add(new Doc(XSS_DOC, "2024-11-01", XSS_TEXT)
                .event(EventType.ASSAULT, XSS_TEXT, "attacked", "Russia", "RUS:MIL", "Ukraine", "UKR",
                        Modality.ASSERTED, "<img src=x onerror=\"window.__pwned = 2\">Kharkiv"));
        return docs;
    }

    /** Stores every document with its events; returns the number of events. */
    static int fill(EventStore store) {
        int n = 0;
        for (Doc d : docs()) {
            store.writer().storeCoded(d.article(), d.events);
            n += d.events.size();
        }
        return n;
    }
}
