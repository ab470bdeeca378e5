package org.faultline.server;

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
 * A stand-in coder for API tests that must not load NLP models: each "attacked" in the text is an ASSAULT
 * by the word before it on the word after it. A text containing "FAIL" fails to code; one containing "TWIN" gives
 * two events with one id (which the store refuses); each "LONG" gives a warning with stage parse-sentence. An
 * "attacked" at the very start or end of the text is skipped.
 */
final class KeywordCoder implements ArticleCoder {
    @Override
    public CodingResult code(Article a) {
        if (a.text().contains("FAIL")) {
            return new CodingResult(a, List.of(), 0, new Failure(a.origin(), a.id(), "code", "asked to fail"));
        }
        List<Event> out = new ArrayList<>();
        String t = a.text();
        for (int i = t.indexOf("attacked"); i >= 0; i = t.indexOf("attacked", i + 1)) {
            int recStart = i + "attacked ".length();
            if (i < 2 || recStart > t.length()) {
                continue; // no word before or after it (found by InputFuzzTest: a text ending in "attacked")
            }
            int actorStart = t.lastIndexOf(' ', i - 2) + 1;
            int recEnd = recStart;
            while (recEnd < t.length() && Character.isLetter(t.charAt(recEnd))) {
                recEnd++;
            }
            ActorRef actor = new ActorRef(t.substring(actorStart, i - 1), "RUS", "MIL", "Russia", "country:RUS",
                    actorStart, i - 1);
            ActorRef rec = new ActorRef(t.substring(recStart, recEnd), "UKR", null, "Ukraine", "country:UKR",
                    recStart, recEnd);
            Evidence ev = new Evidence(a.id(), out.size(), 0, t.length(), t, "attacked", i, i + 8);
            out.add(new Event(a.id() + "-" + i, a.id(), EventType.ASSAULT, null, List.of(), "190", 4, -10,
                    List.of(actor), List.of(rec), a.date(), DatePrecision.ARTICLE, null, null, false,
                    Modality.ASSERTED, null, 0.8, List.of(ev), "keyword:attacked", version()));
        }
        if (t.contains("TWIN") && !out.isEmpty()) {
            out.add(out.get(0));
        }
        List<Failure> warnings = new ArrayList<>();
        for (int i = t.indexOf("LONG"); i >= 0; i = t.indexOf("LONG", i + 1)) {
            warnings.add(new Failure(a.origin(), a.id(), "parse-sentence", "a sentence at character " + i
                    + " has over 120 tokens and was not parsed"));
        }
        return new CodingResult(a, out, 1, null, warnings);
    }

    @Override
    public String version() {
        return "keyword-test-coder";
    }
}
