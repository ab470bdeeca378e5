package org.faultline.cli.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;

/**
 * A coder for watch tests that must not load the NLP models: each "COUNTRY attacked|met|aided COUNTRY" (Russia,
 * Ukraine, France, Germany) is an ASSAULT, CONSULT or AID between them on the article's date, its sentence the
 * evidence. Event ids come from the document id and the offset.
 */
final class PhraseCoder implements ArticleCoder {
    private static final Map<String, String> CODES = Map.of("Russia", "RUS", "Ukraine", "UKR", "France", "FRA",
            "Germany", "DEU");
    private static final Map<String, EventType> VERBS = Map.of("attacked", EventType.ASSAULT, "met",
            EventType.CONSULT, "aided", EventType.AID);
    private static final Pattern PHRASE = Pattern.compile("(Russia|Ukraine|France|Germany) (attacked|met|aided) "
            + "(Russia|Ukraine|France|Germany)");

    @Override
    public CodingResult code(Article a) {
        List<Event> out = new ArrayList<>();
        Matcher m = PHRASE.matcher(a.text());
        while (m.find()) {
            int start = a.text().lastIndexOf('.', m.start()) + 1;
            int end = a.text().indexOf('.', m.end());
            end = end < 0 ? a.text().length() : end + 1;
            EventType type = VERBS.get(m.group(2));
            ActorRef actor = new ActorRef(m.group(1), CODES.get(m.group(1)), null, m.group(1),
                    "country:" + CODES.get(m.group(1)), m.start(1), m.end(1));
            ActorRef target = new ActorRef(m.group(3), CODES.get(m.group(3)), null, m.group(3),
                    "country:" + CODES.get(m.group(3)), m.start(3), m.end(3));
            Evidence ev = new Evidence(a.id(), 0, start, end, a.text().substring(start, end).strip(), m.group(2),
                    m.start(2), m.end(2));
            out.add(new Event(a.id() + "-" + m.start(), a.id(), type, null, List.of(), "000", type.quadClass(), 0,
                    List.of(actor), List.of(target), a.date(), DatePrecision.ARTICLE, null, null, false,
                    Modality.ASSERTED, null, 0.9, List.of(ev), "phrase:" + m.group(2), "phrase-coder"));
        }
        return new CodingResult(a, out, 1, null);
    }

    @Override
    public String version() {
        return "phrase-coder";
    }
}
