package org.faultline.analysis.bridges;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.query.EventQueries;

/**
 * The one JSON answer of {@code faultline bridges --format json} and {@code GET /api/bridges}: each bridging actor
 * with its score and, per theatre, its events, ties and evidence (each sentence with its document's source).
 * Stateless.
 */
public final class BridgesJson {
    private BridgesJson() {
    }

    /** The answer for {@code bridges}; the evidence's sources are read from {@code store}. */
    public static ObjectNode of(List<Bridges.Bridge> bridges, EventQueries store) {
        ArrayNode out = AnswerJson.array();
        EvidenceSources sources = new EvidenceSources(store);
        for (Bridges.Bridge b : bridges) {
            ObjectNode x = out.addObject();
            x.put("actor", b.actor().toString());
            x.put("score", b.score());
            x.put("total", b.total());
            ArrayNode inv = x.putArray("involvements");
            for (Bridges.Involvement i : b.involvements()) {
                ObjectNode y = inv.addObject();
                y.put("theatre", i.theatre().name());
                y.set("members", AnswerJson.keys(i.theatre().members()));
                y.put("events", i.events());
                y.set("ties", AnswerJson.ties(i.ties()));
                y.set("evidence", sources.add(AnswerJson.storedEvents(i.evidence())));
            }
        }
        sources.fill();
        ObjectNode o = AnswerJson.object();
        o.set("bridges", out);
        return o;
    }
}
