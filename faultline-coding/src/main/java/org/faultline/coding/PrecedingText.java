package org.faultline.coding;

import java.util.ArrayList;
import java.util.List;
import org.faultline.model.ActorRef;
import org.faultline.model.Event;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.TextSpan;

/**
 * Moves an event coded over "earlier text + two newlines + article" onto the article's own text: every offset
 * less the earlier text's length, every sentence number less the sentences read for context. What lies in the
 * earlier text has no offset in the article: a pronoun's antecedent there is left out, a place named there keeps
 * its name and coordinates without offsets, a date expression there is left out (the date itself stays), and an
 * actor named only there is implied (span: the trigger).
 */
final class PrecedingText {
    private PrecedingText() {
    }

    /**
     * @param base      where the article starts in the coded text
     * @param sentences how many sentences the earlier text had
     */
    static Event shift(Event e, int base, int sentences) {
        List<Evidence> evidence = new ArrayList<>(e.evidence().size());
        for (Evidence v : e.evidence()) {
            if (v.start() < base) {
                throw new IllegalStateException("evidence of event " + e.id() + " starts at " + v.start()
                        + ", in the earlier text (which ends at " + base + ")");
            }
            evidence.add(new Evidence(v.docId(), v.sentence() - sentences, v.start() - base, v.end() - base, v.text(),
                    v.trigger(), v.triggerStart() - base, v.triggerEnd() - base));
        }
        Location l = e.location();
        if (l != null && l.start() != null) {
            l = l.start() >= base
                    ? new Location(l.text(), l.country(), l.admin1(), l.lat(), l.lon(), l.start() - base,
                            l.end() - base, l.alternatives())
                    : new Location(l.text(), l.country(), l.admin1(), l.lat(), l.lon(), null, null, l.alternatives());
        }
        TextSpan date = e.dateText() == null ? null : span(e.dateText(), base);
        Evidence lead = evidence.get(0);
        return new Event(e.id(), e.docId(), e.eventType(), e.mode(), e.context(), e.cameoCode(), e.quadClass(),
                e.goldstein(), refs(e.actor(), base, lead), refs(e.recipient(), base, lead), e.date(),
                e.datePrecision(), date, l, e.quantity(), e.negated(), e.modality(), e.attribution(), e.confidence(),
                evidence, e.rule(), e.version());
    }

    /**
     * The refs moved onto the article; one named only in the earlier text (no rule takes one from there today) is
     * implied in the article, and like every implied actor its span is the trigger's.
     */
    private static List<ActorRef> refs(List<ActorRef> refs, int base, Evidence lead) {
        List<ActorRef> out = new ArrayList<>(refs.size());
        for (ActorRef a : refs) {
            int start = a.start() >= base ? a.start() - base : lead.triggerStart();
            int end = a.start() >= base ? a.end() - base : lead.triggerEnd();
            out.add(new ActorRef(a.text(), a.code(), a.sector(), a.name(), a.kbId(), start, end,
                    a.antecedent() == null ? null : span(a.antecedent(), base)));
        }
        return out;
    }

    /** The span moved onto the article, or {@code null} when it lies in the earlier text. */
    private static TextSpan span(TextSpan s, int base) {
        return s.start() < base ? null : new TextSpan(s.text(), s.start() - base, s.end() - base);
    }
}
