package org.faultline.eval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of {@link Scorer#score}. Immutable.
 *
 * @param type                       type-level figures
 * @param tuple                      tuple-level figures (type + actor + recipient)
 * @param dyad                       dyad-level figures (actor + recipient)
 * @param docs                       gold documents
 * @param docsWithPrediction         gold documents with at least one counted prediction
 * @param recallByType               type-level recall (three decimals) per gold label, the label being a
 *                                   gold event's acceptable types joined by {@code |}; in code-point order
 * @param unparseablePredictionLines prediction lines that could not be read
 * @param perType                    tuple-level table per PLOVER type, sorted by type (see {@link TypeScore})
 * @param missed                     gold events not found at tuple level, in gold order
 * @param falsePositives             counted predictions that match no gold event at tuple level
 */
public record ScoreReport(Prf type, Prf tuple, Prf dyad, int docs, int docsWithPrediction,
                          SortedMap<String, Double> recallByType, int unparseablePredictionLines,
                          List<TypeScore> perType, List<MissedEvent> missed, List<FalsePositive> falsePositives) {
    /** How many misses and false positives {@link #toText()} lists. */
    public static final int DEFAULT_LISTED = 20;

    public ScoreReport {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tuple, "tuple");
        Objects.requireNonNull(dyad, "dyad");
        if (docs < 0 || docsWithPrediction < 0 || docsWithPrediction > docs || unparseablePredictionLines < 0) {
            throw new IllegalArgumentException("inconsistent counts: " + docs + " docs, " + docsWithPrediction
                    + " with a prediction, " + unparseablePredictionLines + " unparseable lines");
        }
        TreeMap<String, Double> sorted = new TreeMap<>(PyText.CODE_POINT_ORDER);
        sorted.putAll(Objects.requireNonNull(recallByType, "recallByType"));
        recallByType = Collections.unmodifiableSortedMap(sorted);
        perType = List.copyOf(perType);
        missed = List.copyOf(missed);
        falsePositives = List.copyOf(falsePositives);
    }

    /** The figures by level name, in the order {@code type}, {@code tuple}, {@code dyad}. */
    public Map<String, Prf> levels() {
        Map<String, Prf> levels = new LinkedHashMap<>();
        levels.put("type", type);
        levels.put("tuple", tuple);
        levels.put("dyad", dyad);
        return Collections.unmodifiableMap(levels);
    }

    /** A readable report listing the first {@value #DEFAULT_LISTED} misses and false positives. */
    public String toText() {
        return toText(DEFAULT_LISTED);
    }

    /**
     * A readable report: the reference scorer's lines, then the per-type table, then the first
     * {@code listed} misses and false positives.
     */
    public String toText(int listed) {
        return ReportText.render(this, listed);
    }

    /**
     * A JSON object with the reference scorer's {@code --json} keys ({@code type}, {@code tuple}, {@code dyad},
     * {@code docs}, {@code docs_with_prediction}, {@code recall_by_type}, {@code unparseable_prediction_lines})
     * plus {@code per_type}, {@code missed} and {@code false_positives}.
     */
    public ObjectNode toJsonNode() {
        return ReportJson.render(this);
    }

    /** A JSON document made of reports ({@link #toJsonNode()}), as indented text written as {@link #toJson()} is. */
    public static String toJson(com.fasterxml.jackson.databind.JsonNode node) {
        return ReportJson.write(node);
    }

    /** {@link #toJsonNode()} as indented text. */
    public String toJson() {
        return ReportJson.write(toJsonNode());
    }
}
