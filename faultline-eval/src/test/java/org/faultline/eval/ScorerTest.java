package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private static GoldEvent event(Set<String> types, Set<String> actors, Set<String> recipients, boolean symmetric) {
        return new GoldEvent(new TreeSet<>(types), new TreeSet<>(actors), new TreeSet<>(recipients), symmetric);
    }

    private static GoldDocument doc(String id, GoldEvent... events) {
        return new GoldDocument(id, "2000-01-01", "Text of " + id + ".", List.of(events), 0);
    }

    private static Prediction pred(String doc, String type, List<String> actors, List<String> recipients) {
        return Prediction.of(doc, type, actors, recipients);
    }

    @Test
    void countsDuplicatesOnceIgnoresUnknownAndNegatedAndAcceptsAnyListedType() {
        GoldSet gold = GoldSet.of(List.of(
                doc("d1", event(Set.of("AGREE"), Set.of("HUN"), Set.of("ROU"), false)),
                doc("d2", event(Set.of("PROTEST", "ASSAULT"), Set.of("FRA"), Set.of(), false)),
                doc("d3")));
        List<Prediction> preds = List.of(
                pred("d1", "AGREE", List.of("HUN"), List.of("ROU")),
                pred("d1", "AGREE", List.of("hun"), List.of("ROU ")),
                pred("d1", "CONSULT", List.of("HUN"), List.of("ROU")),
                pred("d2", "ASSAULT", List.of("fra"), List.of("USA")),
                pred("d3", "AGREE", List.of("USA"), List.of("RUS")),
                pred("unknown", "AGREE", List.of("HUN"), List.of("ROU")),
                new Prediction("d2", "PROTEST", new TreeSet<>(Set.of("FRA")), new TreeSet<>(), true, "asserted"));

        ScoreReport r = Scorer.score(gold, preds);

        assertThat(r.type()).isEqualTo(new Prf(0.5, 1.0, 0.6667, 4, 2));
        assertThat(r.tuple()).isEqualTo(new Prf(0.5, 1.0, 0.6667, 4, 2));
        assertThat(r.dyad()).isEqualTo(new Prf(0.75, 1.0, 0.8571, 4, 2));
        assertThat(r.docs()).isEqualTo(3);
        assertThat(r.docsWithPrediction()).isEqualTo(3);
        assertThat(r.recallByType()).containsExactly(Map.entry("AGREE", 1.0), Map.entry("ASSAULT|PROTEST", 1.0));
        assertThat(r.unparseablePredictionLines()).isZero();
        assertThat(r.perType()).containsExactly(
                new TypeScore("AGREE", 1, 1, 2, 1),
                new TypeScore("ASSAULT", 1, 1, 1, 1),
                new TypeScore("CONSULT", 0, 0, 1, 0),
                new TypeScore("PROTEST", 1, 1, 0, 0));
        assertThat(r.perType().get(0).prf()).isEqualTo(new Prf(0.5, 1.0, 0.6667, 2, 1));
        assertThat(r.missed()).isEmpty();
        assertThat(r.falsePositives()).extracting(f -> f.docId() + " " + f.prediction().eventType())
                .containsExactly("d1 CONSULT", "d3 AGREE");
    }

    @Test
    void symmetricGoldMatchesEitherDirectionOrAllPartiesAsActors() {
        GoldSet gold = GoldSet.of(List.of(
                doc("sym", event(Set.of("FIGHT"), Set.of("RUS"), Set.of("UKR"), true)),
                doc("dir", event(Set.of("FIGHT"), Set.of("RUS"), Set.of("UKR"), false))));
        List<Prediction> preds = List.of(
                pred("sym", "FIGHT", List.of("UKR"), List.of("RUS")),
                pred("sym", "FIGHT", List.of("RUS", "UKR"), List.of()),
                pred("sym", "FIGHT", List.of("RUS"), List.of()),
                pred("dir", "FIGHT", List.of("UKR"), List.of("RUS")),
                pred("dir", "FIGHT", List.of("RUS", "UKR"), List.of()),
                pred("dir", "FIGHT", List.of("RUS"), List.of()));

        ScoreReport r = Scorer.score(gold, preds);

        assertThat(r.tuple()).isEqualTo(new Prf(0.3333, 0.5, 0.4, 6, 2));
        assertThat(r.dyad()).isEqualTo(new Prf(0.3333, 0.5, 0.4, 6, 2));
        assertThat(r.type()).isEqualTo(new Prf(1.0, 1.0, 1.0, 2, 2));
        assertThat(r.missed()).singleElement().satisfies(m -> {
            assertThat(m.docId()).isEqualTo("dir");
            assertThat(m.predicted()).hasSize(3);
            assertThat(m.snippet()).isEqualTo("Text of dir.");
        });
    }

    @Test
    void aliasesAndTruncationMakeOldCodesMatch() {
        assertThat(Codes.normalize("JAP")).isEqualTo("JPN");
        assertThat(Codes.normalize(" eun ")).isEqualTo("IGO");
        assertThat(Codes.normalize("usagov")).isEqualTo("USA");
        assertThat(Codes.normalize("   ")).isNull();
        assertThat(Codes.normalize(null)).isNull();

        GoldSet gold = GoldSet.of(List.of(doc("d", event(Set.of("AGREE"), Set.of("JPN"), Set.of("ITA"), false))));
        ScoreReport r = Scorer.score(gold, List.of(pred("d", "AGREE", List.of("jap"), List.of(" ITLGOV "))));
        assertThat(r.tuple()).isEqualTo(new Prf(1.0, 1.0, 1.0, 1, 1));
    }

    @Test
    void refusedAndNegatedModalitiesAreNotCountedButFutureIs() {
        GoldSet gold = GoldSet.of(List.of(doc("d", event(Set.of("AGREE"), Set.of("HUN"), Set.of(), false))));
        TreeSet<String> hun = new TreeSet<>(Set.of("HUN"));
        List<Prediction> preds = List.of(
                new Prediction("d", "AGREE", hun, new TreeSet<>(), false, "refused"),
                new Prediction("d", "AGREE", hun, new TreeSet<>(), false, "negated"),
                new Prediction("d", "CONSULT", hun, new TreeSet<>(), false, "future"));

        ScoreReport r = Scorer.score(gold, preds);

        assertThat(r.tuple()).isEqualTo(new Prf(0.0, 0.0, 0.0, 1, 1));
        assertThat(r.dyad()).isEqualTo(new Prf(1.0, 1.0, 1.0, 1, 1));
        assertThat(r.missed()).singleElement().satisfies(m ->
                assertThat(m.predicted()).extracting(Prediction::eventType).containsExactly("CONSULT"));
    }

    @Test
    void goldWithoutRecipientAcceptsAnyButGoldRecipientMustBeMatched() {
        GoldSet gold = GoldSet.of(List.of(
                doc("open", event(Set.of("PROTEST"), Set.of("FRA"), Set.of(), false)),
                doc("named", event(Set.of("PROTEST"), Set.of("FRA"), Set.of("DEU"), false))));
        List<Prediction> preds = List.of(
                pred("open", "PROTEST", List.of("FRA"), List.of()),
                pred("open", "PROTEST", List.of("FRA"), List.of("GBR")),
                pred("named", "PROTEST", List.of("FRA"), List.of()));

        ScoreReport r = Scorer.score(gold, preds);

        // open: both predictions right, gold found; named: prediction without recipient misses.
        assertThat(r.tuple()).isEqualTo(new Prf(0.6667, 0.5, 0.5714, 3, 2));
        assertThat(r.recallByType()).containsExactly(Map.entry("PROTEST", 1.0));
    }

    @Test
    void emptyInputsGiveZerosNotErrors() {
        ScoreReport none = Scorer.score(GoldSet.of(List.of()), List.of());
        assertThat(none.tuple()).isEqualTo(new Prf(0.0, 0.0, 0.0, 0, 0));
        assertThat(none.docs()).isZero();

        GoldSet gold = GoldSet.of(List.of(doc("d", event(Set.of("AGREE"), Set.of("HUN"), Set.of(), false))));
        ScoreReport missing = Scorer.score(gold, List.of());
        assertThat(missing.type()).isEqualTo(new Prf(0.0, 0.0, 0.0, 0, 1));
        assertThat(missing.recallByType()).containsExactly(Map.entry("AGREE", 0.0));
        assertThat(missing.docsWithPrediction()).isZero();
        assertThat(missing.missed()).singleElement().satisfies(m -> assertThat(m.predicted()).isEmpty());
    }

    @Test
    void recallByTypeRoundsToThreeDecimals() {
        GoldSet gold = GoldSet.of(List.of(
                doc("a", event(Set.of("AGREE"), Set.of("HUN"), Set.of(), false)),
                doc("b", event(Set.of("AGREE"), Set.of("HUN"), Set.of(), false)),
                doc("c", event(Set.of("AGREE"), Set.of("HUN"), Set.of(), false))));
        ScoreReport r = Scorer.score(gold, List.of(pred("a", "AGREE", List.of("HUN"), List.of())));
        assertThat(r.recallByType()).containsExactly(Map.entry("AGREE", 0.333));
        assertThat(r.type()).isEqualTo(new Prf(1.0, 0.3333, 0.5, 1, 3));
    }

    @Test
    void roundingIsPythonsHalfEvenOnTheExactBinaryValue() {
        assertThat(Prf.round(0.5, 0)).isEqualTo(0.0);
        assertThat(Prf.round(1.5, 0)).isEqualTo(2.0);
        assertThat(Prf.round(2.675, 2)).isEqualTo(2.67); // 2.675 is 2.67499999... in binary
        assertThat(Prf.fixed(0.0625, 3)).isEqualTo("0.062");
        assertThat(Prf.fixed(1.0, 3)).isEqualTo("1.000");
    }
}
