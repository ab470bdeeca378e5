package org.faultline.analysis.blocs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.network.ActorNetwork;

/**
 * The one JSON answer of {@code faultline blocs --format json} and {@code GET /api/blocs}: the modularity (to four
 * decimals) and frustration, each bloc with its members and their names, and each actor's membership with its
 * strength (to three decimals) and the ties that decided it. Stateless.
 */
public final class BlocsJson {
    private BlocsJson() {
    }

    /** The answer for {@code blocs}, actors named from {@code names} (actor key to display name). */
    public static ObjectNode of(Blocs blocs, Map<String, String> names) {
        ObjectNode o = AnswerJson.object();
        o.put("modularity", Math.round(blocs.modularity() * 10000) / 10000.0);
        o.put("frustration", blocs.frustration());
        ArrayNode bs = o.putArray("blocs");
        for (Blocs.Bloc b : blocs.blocs()) {
            ObjectNode x = bs.addObject();
            x.put("number", b.number());
            x.set("members", AnswerJson.keys(b.members()));
            ArrayNode named = x.putArray("names");
            b.members().forEach(k -> named.add(ActorNetwork.nameOf(k, names)));
            x.put("internal_cooperation", b.internalCooperation());
            x.put("internal_conflict", b.internalConflict());
        }
        ArrayNode ms = o.putArray("memberships");
        for (Blocs.Membership m : blocs.memberships()) {
            ObjectNode x = ms.addObject();
            x.put("actor", m.actor().toString());
            x.put("bloc", m.bloc());
            x.put("strength", Math.round(m.strength() * 1000) / 1000.0);
            x.set("deciding", AnswerJson.ties(m.deciding()));
        }
        return o;
    }
}
