package org.faultline.analysis.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.query.ActorKey;

/**
 * The one JSON answer of {@code faultline network --format json} and {@code GET /api/network}: the scope asked, the
 * nodes (named, with key, kind and sector as in the graph files, their activity and the bloc of the shown edges'
 * partition) and the edges as flows. The graph files
 * (GraphML, GEXF, DOT) are {@link NetworkFormat}'s. Stateless.
 */
public final class NetworkJson {
    private NetworkJson() {
    }

    /** The answer for {@code net}, asked over {@code scope}. */
    public static ObjectNode of(ActorNetwork net, Scope scope) {
        Map<ActorKey, Integer> bloc = Blocs.of(Relations.ties(net.edges())).assignment();
        ObjectNode o = AnswerJson.object();
        o.put("from", AnswerJson.date(scope.from()));
        o.put("to", AnswerJson.date(scope.to()));
        o.put("level", scope.level().name().toLowerCase(Locale.ROOT));
        o.put("min_events", net.minEvents());
        o.put("edges_total", net.edgesTotal());
        o.put("truncated", net.truncated());
        ArrayNode nodes = o.putArray("nodes");
        for (ActorNetwork.Node n : net.nodes()) {
            ObjectNode x = nodes.addObject();
            x.put("id", n.actor().toString());
            x.put("name", n.name());
            x.put("key", n.actor().key());
            x.put("kind", NetworkFormat.kindOf(n.actor()));
            x.put("sector", n.actor().sector() == null ? "" : n.actor().sector());
            x.put("cooperation", n.cooperation());
            x.put("conflict", n.conflict());
            x.put("activity", n.activity());
            Integer b = bloc.get(n.actor());
            if (b == null) {
                x.putNull("bloc");
            } else {
                x.put("bloc", b);
            }
        }
        ArrayNode edges = o.putArray("edges");
        net.edges().forEach(f -> edges.add(AnswerJson.flow(f)));
        return o;
    }
}
