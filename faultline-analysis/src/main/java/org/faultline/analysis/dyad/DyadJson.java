package org.faultline.analysis.dyad;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.analysis.Scope;
import org.faultline.query.ActorKey;
import org.faultline.query.DyadTotal;
import org.faultline.query.EventQueries;
import org.faultline.query.EventStatus;

/**
 * The one JSON answer of {@code faultline dyad A B --format json} and {@code GET /api/dyad}: per period the events,
 * by quad class (also per acting side), by type, the scores (to two decimals) and the evidence (each sentence with
 * its document's source). Stateless.
 */
public final class DyadJson {
    private DyadJson() {
    }

    /** The answer for {@code s}, asked over {@code scope}; the sides' quad classes and sources are read from {@code store}. */
    public static ObjectNode of(DyadSeries s, Scope scope, EventQueries store) {
        ActorKey a = s.a();
        ActorKey b = s.b();
        Map<LocalDate, long[][]> directed = quadsByDirection(store, scope, a, b, s);
        ObjectNode o = AnswerJson.object();
        o.put("a", a.toString());
        o.put("b", b.toString());
        o.put("by", s.period().name().toLowerCase(Locale.ROOT));
        ArrayNode rows = o.putArray("rows");
        EvidenceSources sources = new EvidenceSources(store);
        for (DyadSeries.Row r : s.rows()) {
            ObjectNode row = rows.addObject();
            row.put("start", r.start().toString());
            row.put("events", r.events());
            ArrayNode quads = row.putArray("by_quad");
            for (int q = 1; q <= 4; q++) {
                quads.add(r.quad(q));
            }
            row.set("by_type", AnswerJson.byType(r.byType()));
            row.put("from_a", r.fromA());
            row.put("from_b", r.fromB());
            long[][] d = directed.getOrDefault(r.start(), new long[2][4]);
            ArrayNode quadsA = row.putArray("by_quad_from_a");
            ArrayNode quadsB = row.putArray("by_quad_from_b");
            for (int q = 0; q < 4; q++) {
                quadsA.add(d[0][q]);
                quadsB.add(d[1][q]);
            }
            row.put("unrealised", r.unrealised());
            row.put("goldstein", AnswerJson.round(r.goldstein()));
            row.put("plover", AnswerJson.round(r.plover()));
            row.set("evidence", sources.add(AnswerJson.storedEvents(r.evidence())));
        }
        sources.fill();
        return o;
    }

    /**
     * Realised events of the pair per period, quad class and direction ({@code [0]}: A acting, {@code [1]}: B
     * acting); a joint action of both counts in each, as in {@link DyadSeries.Row#fromA()}.
     */
    private static Map<LocalDate, long[][]> quadsByDirection(EventQueries store, Scope scope, ActorKey a, ActorKey b,
                                                             DyadSeries s) {
        Map<LocalDate, long[][]> out = new HashMap<>();
        for (DyadTotal t : store.dyadTotals(scope.filter().withPair(a, b), scope.level(), s.period())) {
            if (t.status() != EventStatus.REALISED) {
                continue;
            }
            long[][] x = out.computeIfAbsent(t.period(), k -> new long[2][4]);
            boolean byA = a.covers(t.source().key(), t.source().sector());
            if (t.joint() || byA) {
                x[0][t.quadClass() - 1] += t.events();
            }
            if (t.joint() || !byA) {
                x[1][t.quadClass() - 1] += t.events();
            }
        }
        return out;
    }
}
