package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScoreReportTest {
    private final ScoreReport report = Scorer.score(
            GoldSet.of(List.of(new GoldDocument("d1", null, "Hungary and Romania agreed.\nMore text.", List.of(
                    new GoldEvent(new TreeSet<>(Set.of("AGREE")), new TreeSet<>(Set.of("HUN")),
                            new TreeSet<>(Set.of("ROU")), false)), 1))),
            List.of(Prediction.of("d1", "CONSULT", List.of("HUN"), List.of("ROU"))), 2);

    @Test
    void jsonHasThePythonKeysAndTheExtras() throws Exception {
        JsonNode json = PyJson.MAPPER.readTree(report.toJson());
        assertThat(json.fieldNames()).toIterable().containsExactly("type", "tuple", "dyad", "docs",
                "docs_with_prediction", "recall_by_type", "unparseable_prediction_lines", "per_type", "missed",
                "false_positives");
        assertThat(json.get("dyad").toString())
                .isEqualTo("{\"precision\":1.0,\"recall\":1.0,\"f1\":1.0,\"predicted\":1,\"gold\":1}");
        assertThat(json.get("tuple").toString())
                .isEqualTo("{\"precision\":0.0,\"recall\":0.0,\"f1\":0.0,\"predicted\":1,\"gold\":1}");
        assertThat(json.get("unparseable_prediction_lines").intValue()).isEqualTo(2);
        assertThat(json.get("per_type").get(0).get("type").textValue()).isEqualTo("AGREE");
        assertThat(json.get("missed").get(0).get("predicted").get(0).get("event_type").textValue()).isEqualTo("CONSULT");
        assertThat(json.get("false_positives").get(0).get("doc_id").textValue()).isEqualTo("d1");
    }

    @Test
    void textStartsWithThePythonLinesAndListsMisses() {
        String text = report.toText();
        assertThat(text).startsWith(String.join("\n",
                "type   P=0.000 R=0.000 F1=0.000  (gold 1, predicted 1)",
                "tuple  P=0.000 R=0.000 F1=0.000  (gold 1, predicted 1)",
                "dyad   P=1.000 R=1.000 F1=1.000  (gold 1, predicted 1)",
                "recall by type: AGREE 0.00",
                "documents: 1, with a prediction: 1, bad lines: 2", ""));
        assertThat(text).contains("d1  gold AGREE HUN -> ROU", "predicted: CONSULT HUN -> ROU",
                "\"Hungary and Romania agreed. More text.\"", "false positives: 1");
        assertThat(report.toText(0)).contains("missed gold events: 1 (first 0)").doesNotContain("d1  gold");
    }
}
