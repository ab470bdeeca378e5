package org.faultline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Collection;

/** The JSON form of a {@link ScoreReport}. */
final class ReportJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReportJson() {
    }

    static ObjectNode render(ScoreReport r) {
        ObjectNode out = NODES.objectNode();
        out.set("type", prf(r.type()));
        out.set("tuple", prf(r.tuple()));
        out.set("dyad", prf(r.dyad()));
        out.put("docs", r.docs());
        out.put("docs_with_prediction", r.docsWithPrediction());
        ObjectNode recall = out.putObject("recall_by_type");
        r.recallByType().forEach((label, v) -> recall.set(label, number(v)));
        out.put("unparseable_prediction_lines", r.unparseablePredictionLines());

        ArrayNode perType = out.putArray("per_type");
        for (TypeScore t : r.perType()) {
            Prf p = t.prf();
            ObjectNode row = perType.addObject();
            row.put("type", t.type());
            row.put("gold", t.gold());
            row.put("found", t.found());
            row.put("predicted", t.predicted());
            row.put("correct", t.correct());
            row.set("precision", number(p.precision()));
            row.set("recall", number(p.recall()));
            row.set("f1", number(p.f1()));
        }
        ArrayNode missed = out.putArray("missed");
        for (MissedEvent m : r.missed()) {
            ObjectNode row = missed.addObject();
            row.put("doc_id", m.docId());
            row.put("text", m.snippet());
            row.set("event_type", strings(m.event().types()));
            row.set("actor", strings(m.event().actorCodes()));
            row.set("recipient", strings(m.event().recipientCodes()));
            row.put("symmetric", m.event().symmetric());
            ArrayNode said = row.putArray("predicted");
            m.predicted().forEach(p -> said.add(prediction(p)));
        }
        ArrayNode falsePositives = out.putArray("false_positives");
        for (FalsePositive f : r.falsePositives()) {
            ObjectNode row = prediction(f.prediction());
            row.put("doc_id", f.docId());
            row.put("text", f.snippet());
            falsePositives.add(row);
        }
        return out;
    }

    static String write(JsonNode node) {
        try {
            return PyJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write score report as JSON", e);
        }
    }

    private static ObjectNode prediction(Prediction p) {
        ObjectNode n = NODES.objectNode();
        n.put("event_type", p.eventType());
        n.set("actor", strings(p.actorCodes()));
        n.set("recipient", strings(p.recipientCodes()));
        return n;
    }

    private static ObjectNode prf(Prf m) {
        ObjectNode n = NODES.objectNode();
        n.set("precision", number(m.precision()));
        n.set("recall", number(m.recall()));
        n.set("f1", number(m.f1()));
        n.put("predicted", m.predicted());
        n.put("gold", m.gold());
        return n;
    }

    private static ArrayNode strings(Collection<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    /** Written as Python's {@code repr} writes a rounded float: 0.0, 1.0, 0.0001, 0.6667. */
    private static JsonNode number(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        return DecimalNode.valueOf(d.scale() < 1 ? d.setScale(1) : d);
    }
}
