package org.faultline.cli;

import java.util.ArrayList;
import java.util.List;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Failure;
import org.faultline.model.Modality;

/**
 * A coder for batch tests that must not load the NLP models: each "attacked" in the text is an ASSAULT of
 * Russia on Ukraine, with an id from the document id and the word's offset. A text containing "TWIN" gives two
 * events with one id (the unique-key violation the store must survive); each "LONG" gives a warning with
 * stage {@code parse-sentence}.
 */
final class StandInCoder implements ArticleCoder {
    @Override
    public CodingResult code(Article a) {
        String t = a.text();
        List<Event> out = new ArrayList<>();
        for (int i = t.indexOf("attacked"); i >= 0; i = t.indexOf("attacked", i + 1)) {
            out.add(event(a, a.id() + "-" + i, i));
        }
        if (t.contains("TWIN")) {
            out.add(event(a, a.id() + "-twin", 0));
            out.add(event(a, a.id() + "-twin", 0));
        }
        List<Failure> warnings = new ArrayList<>();
        for (int i = t.indexOf("LONG"); i >= 0; i = t.indexOf("LONG", i + 1)) {
            warnings.add(new Failure(a.origin(), a.id(), "parse-sentence", "a sentence at character " + i
                    + " has over 120 tokens and was not parsed"));
        }
        return new CodingResult(a, out, 1, null, warnings);
    }

    private static Event event(Article a, String id, int at) {
        String t = a.text();
        ActorRef actor = new ActorRef("Russia", "RUS", null, "Russia", "country:RUS", 0, Math.min(6, t.length()));
        ActorRef recipient = new ActorRef("Ukraine", "UKR", null, "Ukraine", "country:UKR", 0, Math.min(7, t.length()));
        Evidence ev = new Evidence(a.id(), 0, 0, t.length(), t, "attacked", at, Math.min(at + 8, t.length()));
        return new Event(id, a.id(), EventType.ASSAULT, null, List.of(), "190", 4, -10, List.of(actor),
                List.of(recipient), a.date(), DatePrecision.ARTICLE, null, null, false, Modality.ASSERTED, null, 0.8,
                List.of(ev), "stand-in:attacked", "stand-in-coder");
    }

    @Override
    public String version() {
        return "stand-in-coder";
    }
}
