package org.faultline.analysis.novel;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.query.EventQueries;

/**
 * The one JSON answer of {@code faultline novel --format json} and {@code GET /api/novel}: the date asked and each
 * novelty with its evidence (events as the API gives them, each sentence with its document's source). Stateless.
 */
public final class NovelJson {
    private NovelJson() {
    }

    /** The answer for {@code found}; the evidence's sources are read from {@code store}. */
    public static ObjectNode of(LocalDate since, List<NovelDyads.Novelty> found, EventQueries store) {
        ArrayNode out = AnswerJson.array();
        EvidenceSources sources = new EvidenceSources(store);
        for (NovelDyads.Novelty n : found) {
            ObjectNode x = out.addObject();
            x.put("source", n.source().toString());
            x.put("target", n.target().toString());
            x.put("type", n.type() == null ? null : n.type().name());
            x.put("first_seen", n.firstSeen().toString());
            x.put("events", n.events());
            x.set("evidence", sources.add(AnswerJson.storedEvents(n.evidence())));
        }
        sources.fill();
        ObjectNode o = AnswerJson.object().put("since", since.toString());
        o.set("novel", out);
        return o;
    }
}
