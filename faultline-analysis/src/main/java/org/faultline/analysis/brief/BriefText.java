package org.faultline.analysis.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.faultline.analysis.Tie;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.model.Event;
import org.faultline.query.ActorKey;
import org.faultline.query.StoredEvent;

/** The sentences both renderings of a {@link Briefing} share; every number in them is read from the briefing. */
final class BriefText {
    static final String CHANGE_TEST = "Turning points: a point appears in the first period where its weight is above "
            + "0; it rose or fell where its weight is at least 3 events and two standard deviations of a Poisson count "
            + "away from the mean of the (up to four, at least two) periods before; it faded where it is 0 in the last "
            + "two or more periods after holding. Weights of direct points are event counts and add up to the whole "
            + "period; a point over a third actor holds in a period only when its ties do in that period.";

    private BriefText() {
    }

    /** "A, B and C". */
    static String list(List<ActorKey> keys) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            b.append(i == 0 ? "" : i == keys.size() - 1 ? " and " : ", ").append(keys.get(i));
        }
        return b.toString();
    }

    static String question(Briefing b) {
        List<String> named = new ArrayList<>();
        for (ActorKey k : b.faultlines().parties()) {
            String n = b.name(k);
            named.add(k + (n.isEmpty() ? "" : " (" + n + ")"));
        }
        return "Question: where do the interests of " + String.join(", ", named) + " meet, and where do they part, "
                + period(b) + "? Answered from coded news events, " + (b.scope().stories()
                ? "each reported event counted once however many articles report it." : "every mention counted.");
    }

    static String period(Briefing b) {
        if (b.from() == null && b.to() == null) {
            return "over every date in the store";
        }
        return (b.from() == null ? "up to " : "from " + b.from() + (b.to() == null ? " on" : " to ")) + (b.to() == null
                ? "" : b.to().toString());
    }

    static String behind(Briefing b) {
        return "Behind this briefing: " + b.all().events() + " events with a party as actor or recipient ("
                + b.realised().events() + " of them took place; the rest were denied, refused, planned or "
                + "hypothetical) from " + b.all().documents() + " documents." + (b.all().documents() < 5
                ? " The evidence is thin: fewer than 5 documents." : "");
    }

    static String faultlinesBehind(Briefing b) {
        PartyFaultlines pf = b.faultlines();
        int points = pf.shared().size() + pf.apart().size();
        int thin = 0;
        for (Faultlines f : pf.pairs()) {
            points += f.intersections().size() + f.divergences().size();
            thin += (int) f.intersections().stream().filter(p -> p.weight() < Briefing.THIN).count();
            thin += (int) f.divergences().stream().filter(p -> p.weight() < Briefing.THIN).count();
        }
        thin += (int) pf.shared().stream().filter(p -> p.weight() < Briefing.THIN).count();
        thin += (int) pf.apart().stream().filter(p -> p.weight() < Briefing.THIN).count();
        return points + " points over " + b.tieEvents() + " realised events on the parties' ties, from "
                + b.realised().documents() + " documents; " + thin + " of the points rest on fewer than "
                + Briefing.THIN + " events (thin evidence). A partner has more cooperation than conflict with you, an "
                + "adversary more conflict; a point's weight is its events (direct points) or the smallest of the "
                + "counts it rests on. Up to " + b.question().evidencePerTie() + " sentences per tie are shown.";
    }

    static String eventLine(StoredEvent s) {
        Event e = s.event();
        return e.date() + " " + e.eventType() + " " + keys(e.actor()) + (e.recipient().isEmpty() ? "" : " → "
                + keys(e.recipient())) + (s.mentions() > 1 ? " (" + s.mentions() + " reports)" : "");
    }

    private static String keys(List<org.faultline.model.ActorRef> refs) {
        List<String> k = new ArrayList<>();
        for (org.faultline.model.ActorRef r : refs) {
            String key = ActorKey.keyOf(r);
            k.add(key == null ? r.text() : key);
        }
        return String.join(",", k);
    }

    static String turn(FaultlineTimeline.Turn t) {
        switch (t.change()) {
            case APPEARED:
                return "appeared (" + t.weight() + ")";
            case FADED:
                return "faded (from a mean of " + num(t.baseline()) + ")";
            default:
                return t.change().name().toLowerCase(Locale.ROOT) + " (mean " + num(t.baseline()) + " → "
                        + t.weight() + ")";
        }
    }

    static List<String> turns(FaultlineTimeline t) {
        List<String> out = new ArrayList<>();
        for (FaultlineTimeline.Series s : t.series()) {
            for (FaultlineTimeline.Turn x : s.turns()) {
                out.add(t.buckets().get(x.bucket()).label() + ": " + s.summary() + " — " + turn(x));
            }
        }
        return out;
    }

    static String bridgesIntro(Briefing b) {
        if (b.bridges().isEmpty()) {
            return "No actor is involved in two theatres" + (b.question().theatres().isEmpty()
                    ? " (theatres detected from the assault and coercion events of the period)." : ".");
        }
        long events = 0;
        for (Bridges.Bridge br : b.bridges()) {
            events += br.total();
        }
        return b.bridges().size() + " actors are involved in two or more theatres " + (b.question().theatres().isEmpty()
                ? "(theatres detected: groups of actors linked by assault and coercion events)" : "(theatres given)")
                + "; their involvements add up to " + events + " realised events. A bridge's score is its "
                + "second-strongest involvement.";
    }

    static String involvement(Bridges.Bridge br, Bridges.Involvement i) {
        List<String> ties = new ArrayList<>();
        for (Tie t : i.ties()) {
            ties.add(t.other(br.actor()) + " +" + t.cooperation() + "/−" + t.conflict());
        }
        return i.theatre().name() + ": " + i.events() + " events (" + String.join("; ", ties) + ")"
                + (i.events() < Briefing.THIN ? " — thin evidence" : "");
    }

    static List<String> method(Briefing b) {
        List<String> out = new ArrayList<>();
        out.add("Events were coded automatically from the articles in the store (PLOVER types, with the modality "
                + "of each: only events that took place count as cooperation or conflict; refusals and REJECT events "
                + "count as refusals). The coding is imperfect: check each claim against its sentences.");
        out.add("Actors are compared at country level (a government, its army and its other bodies are one actor); "
                + "groups without a country are keyed by their knowledge-base id.");
        out.add(CHANGE_TEST);
        out.add("Coalition definitions read: " + String.join("; ", b.coalitionSources()) + ".");
        out.add("Made by Faultline from the store; no number in this briefing was written by hand.");
        return out;
    }

    static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }
}
