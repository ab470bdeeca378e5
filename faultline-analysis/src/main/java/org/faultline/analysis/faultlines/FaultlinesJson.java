package org.faultline.analysis.faultlines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;
import org.faultline.query.EventQueries;
import org.faultline.query.StoredEvent;

/**
 * The one JSON answer of {@code faultline faultlines --format json} and {@code GET /api/faultlines}: for two parties
 * their intersections and divergences; for three or more every pair's, what all share and where one stands apart;
 * each point with its ties and evidence (each sentence with its document's source), and the coalitions that
 * answered as one actor. Stateless.
 */
public final class FaultlinesJson {
    private FaultlinesJson() {
    }

    /** The answer of two parties. */
    public static ObjectNode of(Faultlines f, List<Coalition> coalitions, EventQueries store) {
        ObjectNode o = AnswerJson.object();
        EvidenceSources sources = new EvidenceSources(store);
        o.put("a", f.a().toString());
        o.put("b", f.b().toString());
        o.set("intersections", points(f.intersections(), sources));
        o.set("divergences", points(f.divergences(), sources));
        return finish(o, coalitions, sources);
    }

    /** The answer of three or more parties. */
    public static ObjectNode of(PartyFaultlines pf, List<Coalition> coalitions, EventQueries store) {
        ObjectNode o = AnswerJson.object();
        EvidenceSources sources = new EvidenceSources(store);
        ArrayNode names = o.putArray("parties");
        pf.parties().forEach(k -> names.add(k.toString()));
        ArrayNode pairs = o.putArray("pairs");
        for (Faultlines f : pf.pairs()) {
            ObjectNode x = pairs.addObject();
            x.put("a", f.a().toString());
            x.put("b", f.b().toString());
            x.set("intersections", points(f.intersections(), sources));
            x.set("divergences", points(f.divergences(), sources));
        }
        o.set("shared", partyPoints(pf.shared(), sources));
        o.set("apart", partyPoints(pf.apart(), sources));
        return finish(o, coalitions, sources);
    }

    /**
     * {@code answer} with the faultlines' course over time ({@code faultline faultlines --by quarter|year}): the
     * periods with their events, and per point the weights by period and the turns. Returns {@code answer}.
     */
    public static ObjectNode withTimeline(ObjectNode answer, FaultlineTimeline timeline) {
        ObjectNode t = answer.putObject("timeline");
        t.put("by", timeline.by().name().toLowerCase(Locale.ROOT));
        ArrayNode periods = t.putArray("periods");
        for (FaultlineTimeline.Bucket b : timeline.buckets()) {
            periods.addObject().put("start", b.start().toString()).put("label", b.label()).put("events", b.events());
        }
        ArrayNode series = t.putArray("series");
        for (FaultlineTimeline.Series x : timeline.series()) {
            ObjectNode n = series.addObject();
            n.put("key", x.key());
            n.put("side", x.intersection() ? "intersection" : "divergence");
            n.put("summary", x.summary());
            n.put("whole", x.whole());
            ArrayNode w = n.putArray("weights");
            x.weights().forEach(w::add);
            ArrayNode turns = n.putArray("turns");
            for (FaultlineTimeline.Turn tu : x.turns()) {
                turns.addObject().put("period", timeline.buckets().get(tu.bucket()).label())
                        .put("change", tu.change().name().toLowerCase(Locale.ROOT)).put("baseline", tu.baseline())
                        .put("weight", tu.weight());
            }
        }
        return answer;
    }

    private static ObjectNode finish(ObjectNode o, List<Coalition> coalitions, EvidenceSources sources) {
        if (!coalitions.isEmpty()) {
            ArrayNode cs = o.putArray("coalitions");
            for (Coalition c : coalitions) {
                ObjectNode x = cs.addObject();
                x.put("name", c.name());
                ArrayNode m = x.putArray("members");
                c.members().forEach(k -> m.add(k.toString()));
            }
        }
        sources.fill();
        return o;
    }

    private static ArrayNode points(List<Faultlines.Point> points, EvidenceSources sources) {
        ArrayNode out = AnswerJson.array();
        for (Faultlines.Point pt : points) {
            point(out.addObject().put("kind", kind(pt.kind())), pt.third(), pt.weight(), pt.summary(), pt.ties(),
                    pt.evidence(), sources);
        }
        return out;
    }

    private static ArrayNode partyPoints(List<PartyFaultlines.Point> points, EvidenceSources sources) {
        ArrayNode out = AnswerJson.array();
        for (PartyFaultlines.Point pt : points) {
            ObjectNode x = out.addObject().put("kind", kind(pt.kind()))
                    .put("party", pt.party() == null ? null : pt.party().toString());
            point(x, pt.third(), pt.weight(), pt.summary(), pt.ties(), pt.evidence(), sources);
        }
        return out;
    }

    /** The fields every point has after its kind (and party). */
    private static void point(ObjectNode x, ActorKey third, long weight, String summary, List<Tie> ties,
                              List<StoredEvent> evidence, EvidenceSources sources) {
        x.put("third", third == null ? null : third.toString());
        x.put("weight", weight);
        x.put("summary", summary);
        x.set("ties", AnswerJson.ties(ties));
        x.set("evidence", sources.add(AnswerJson.storedEvents(evidence)));
    }

    private static String kind(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
