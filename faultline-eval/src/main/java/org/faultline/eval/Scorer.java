package org.faultline.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Scores predictions against gold, with the same figures as the reference scorer
 * {@code tools/score_events.py}. Stateless and thread-safe.
 *
 * <p>Which predictions count: negated ones ({@code negated} true, or modality {@code refused} or
 * {@code negated}) do not; nor do those whose document is not in the gold set; and within a document a
 * prediction with the same type, actor codes and recipient codes as an earlier one counts once.
 *
 * <p>The three levels, micro-averaged over documents, with split counting (recall counts gold items found,
 * precision counts predictions that are right):
 * <ul>
 *   <li>type: per document, the set of predicted types. A gold event is found when some predicted type is
 *       acceptable for it; a predicted type is right when it is acceptable for some gold event of the
 *       document. Gold = gold events, predicted = distinct predicted types per document.</li>
 *   <li>tuple: a prediction matches a gold event of its document when the type is acceptable, the actor
 *       codes overlap, and the recipient codes overlap where gold names a recipient. A symmetric gold event
 *       also matches with actor and recipient swapped, or when the prediction has no recipient and its
 *       actors include one gold actor and one gold recipient.</li>
 *   <li>dyad: as tuple, ignoring the type.</li>
 * </ul>
 * Recall by type is keyed by a gold event's acceptable types joined with {@code |} and rounded to three
 * decimals; the other figures to four.
 *
 * <p>Where the two scorers may differ, on input the reference scorer would reject or that no coder emits:
 * gold ids and gold event types must be strings here (the Python accepts numbers); a prediction whose
 * {@code event_type} is a number is compared as its JSON text; a prediction line that is valid JSON but not
 * an object is counted as unparseable here and stops the Python.
 */
public final class Scorer {
    /** Code points of document text kept in misses and false positives. */
    static final int SNIPPET_LENGTH = 160;

    private Scorer() {
    }

    /** Scores predictions built in memory (no unparseable lines). */
    public static ScoreReport score(GoldSet gold, List<Prediction> predictions) {
        return score(gold, predictions, 0);
    }

    /** Scores the predictions read from a file, reporting its unparseable lines. */
    public static ScoreReport score(GoldSet gold, PredictionBatch batch) {
        return score(gold, batch.predictions(), batch.unparseable().size());
    }

    /**
     * @param unparseableLines prediction lines that could not be read, carried into the report
     * @throws IllegalArgumentException when {@code unparseableLines} is negative
     */
    public static ScoreReport score(GoldSet gold, List<Prediction> predictions, int unparseableLines) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predictions, "predictions");
        if (unparseableLines < 0) {
            throw new IllegalArgumentException("unparseable line count " + unparseableLines + " is negative");
        }
        Map<String, List<Prediction>> byDoc = counted(gold, predictions);

        int tpG = 0;
        int tpP = 0;
        int np = 0;
        int ng = 0;
        Map<String, int[]> labelCounts = new TreeMap<>(PyText.CODE_POINT_ORDER);
        for (GoldDocument doc : gold.documents()) {
            Set<String> predictedTypes = new LinkedHashSet<>();
            for (Prediction p : byDoc.getOrDefault(doc.id(), List.of())) {
                predictedTypes.add(p.eventType());
            }
            Set<String> allowed = new HashSet<>();
            for (GoldEvent g : doc.events()) {
                allowed.addAll(g.types());
                boolean found = predictedTypes.stream().anyMatch(g::accepts);
                tpG += found ? 1 : 0;
                int[] c = labelCounts.computeIfAbsent(g.label(), k -> new int[2]);
                c[0]++;
                c[1] += found ? 1 : 0;
            }
            for (String t : predictedTypes) {
                tpP += t != null && allowed.contains(t) ? 1 : 0;
            }
            np += predictedTypes.size();
            ng += doc.events().size();
        }
        Prf type = Prf.split(tpG, tpP, np, ng);

        SortedMap<String, Double> recallByType = new TreeMap<>(PyText.CODE_POINT_ORDER);
        labelCounts.forEach((label, c) -> recallByType.put(label, Prf.round((double) c[1] / c[0], 3)));

        Prf tuple = level(gold, byDoc, true);
        Prf dyad = level(gold, byDoc, false);

        Map<String, int[]> perType = new TreeMap<>(PyText.CODE_POINT_ORDER);
        List<MissedEvent> missed = new ArrayList<>();
        List<FalsePositive> falsePositives = new ArrayList<>();
        int docsWithPrediction = 0;
        for (GoldDocument doc : gold.documents()) {
            List<Prediction> preds = byDoc.getOrDefault(doc.id(), List.of());
            docsWithPrediction += preds.isEmpty() ? 0 : 1;
            String snippet = snippet(doc.text());
            for (GoldEvent g : doc.events()) {
                boolean found = preds.stream().anyMatch(p -> matches(p, g, true));
                for (String t : g.types()) {
                    int[] c = perType.computeIfAbsent(t, k -> new int[4]);
                    c[0]++;
                    c[1] += found ? 1 : 0;
                }
                if (!found) {
                    missed.add(new MissedEvent(doc.id(), snippet, g, preds));
                }
            }
            for (Prediction p : preds) {
                boolean right = doc.events().stream().anyMatch(g -> matches(p, g, true));
                if (p.eventType() != null) {
                    int[] c = perType.computeIfAbsent(p.eventType(), k -> new int[4]);
                    c[2]++;
                    c[3] += right ? 1 : 0;
                }
                if (!right) {
                    falsePositives.add(new FalsePositive(doc.id(), snippet, p));
                }
            }
        }
        List<TypeScore> typeScores = new ArrayList<>();
        perType.forEach((t, c) -> typeScores.add(new TypeScore(t, c[0], c[1], c[2], c[3])));

        return new ScoreReport(type, tuple, dyad, gold.size(), docsWithPrediction, recallByType,
                unparseableLines, typeScores, missed, falsePositives);
    }

    /**
     * True when {@code p} matches gold event {@code g} at tuple level ({@code useType}) or dyad level.
     * The document is not checked.
     */
    public static boolean matches(Prediction p, GoldEvent g, boolean useType) {
        if (useType && !g.accepts(p.eventType())) {
            return false;
        }
        if (directed(p.actorCodes(), p.recipientCodes(), g.actorCodes(), g.recipientCodes())) {
            return true;
        }
        if (g.symmetric()) {
            if (directed(p.actorCodes(), p.recipientCodes(), g.recipientCodes(), g.actorCodes())) {
                return true;
            }
            return p.recipientCodes().isEmpty() && overlaps(p.actorCodes(), g.actorCodes())
                    && overlaps(p.actorCodes(), g.recipientCodes());
        }
        return false;
    }

    private static boolean directed(Set<String> pActor, Set<String> pRecipient, Set<String> gActor,
                                    Set<String> gRecipient) {
        return overlaps(pActor, gActor) && (gRecipient.isEmpty() || overlaps(pRecipient, gRecipient));
    }

    private static boolean overlaps(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static Prf level(GoldSet gold, Map<String, List<Prediction>> byDoc, boolean useType) {
        int tpG = 0;
        int tpP = 0;
        int np = 0;
        int ng = 0;
        for (GoldDocument doc : gold.documents()) {
            List<Prediction> preds = byDoc.getOrDefault(doc.id(), List.of());
            ng += doc.events().size();
            np += preds.size();
            for (GoldEvent g : doc.events()) {
                tpG += preds.stream().anyMatch(p -> matches(p, g, useType)) ? 1 : 0;
            }
            for (Prediction p : preds) {
                tpP += doc.events().stream().anyMatch(g -> matches(p, g, useType)) ? 1 : 0;
            }
        }
        return Prf.split(tpG, tpP, np, ng);
    }

    /** The predictions that count, per gold document, in input order without repeats. */
    private static Map<String, List<Prediction>> counted(GoldSet gold, List<Prediction> predictions) {
        Map<String, List<Prediction>> byDoc = new LinkedHashMap<>();
        Map<String, Set<Key>> seen = new LinkedHashMap<>();
        for (Prediction p : predictions) {
            Objects.requireNonNull(p, "prediction");
            if (!p.counted() || !gold.contains(p.docId())) {
                continue;
            }
            if (seen.computeIfAbsent(p.docId(), d -> new HashSet<>())
                    .add(new Key(p.eventType(), p.actorCodes(), p.recipientCodes()))) {
                byDoc.computeIfAbsent(p.docId(), d -> new ArrayList<>()).add(p);
            }
        }
        return byDoc;
    }

    private static String snippet(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        String head = PyText.headCodePoints(oneLine, SNIPPET_LENGTH);
        return head.length() < oneLine.length() ? head + "…" : head;
    }

    private record Key(String type, SortedSet<String> actors, SortedSet<String> recipients) {
    }
}
