package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.faultline.model.DatePrecision;
import org.faultline.model.EventType;
import org.faultline.query.EventStatus;
import org.faultline.store.MergeRule;
import org.junit.jupiter.api.Test;

/** One shelling told by two outlets in different words is one story with the encoder's condition, not without it. */
class SimilarMeaningTest {
    private static final SimilarMeaning MEANING = new SimilarMeaning(GateFixture.ENCODER, SimilarMeaning.DEFAULT_THRESHOLD);

    private static MergeRule.Mention report(String id, String doc, String date, String evidence) {
        return new MergeRule.Mention(id, doc, EventType.ASSAULT, LocalDate.parse(date), DatePrecision.DAY, "UKR",
                EventStatus.REALISED, Set.of("RUS"), Set.of("UKR"), null, MergeRule.contentWords(evidence), evidence);
    }

    // sentences written for this test: the same incident (outlets A and B), and another one that week (C)
    private final MergeRule.Mention outletA = report("a", "outlet-a", "2024-05-14", "Russian forces shelled the "
            + "Ukrainian border town of Vovchansk on Tuesday, killing four civilians and wounding a dozen, regional "
            + "officials said.");
    private final MergeRule.Mention outletB = report("b", "outlet-b", "2024-05-14", "Four residents died and twelve "
            + "were hurt when Russian artillery struck Vovchansk, a frontier settlement in the Kharkiv region, early on "
            + "Tuesday.");
    private final MergeRule.Mention otherIncident = report("c", "outlet-c", "2024-05-15", "Russian forces shelled a "
            + "grain terminal in the Ukrainian port of Izmail on Wednesday, destroying a warehouse.");

    @Test
    void twoOutletsInOtherWordsAreOneStoryOnlyWithTheEncodersCondition() {
        assertThat(MergeRule.DEFAULT.sameStory(outletA, outletB)).as("words alone").isFalse();
        assertThat(MergeRule.DEFAULT.sameStory(outletA, outletB, MEANING::similar)).isTrue();
        assertThat(MergeRule.DEFAULT.sameStory(outletB, outletA, MEANING::similar)).as("symmetric").isTrue();
    }

    @Test
    void anotherShellingOfTheSameDyadThatWeekStaysApart() {
        assertThat(MEANING.similarity(outletA.evidence(), otherIncident.evidence())).isLessThan(MEANING.threshold());
        assertThat(MergeRule.DEFAULT.sameStory(outletA, otherIncident, MEANING::similar)).isFalse();
        assertThat(MergeRule.DEFAULT.sameStory(outletB, otherIncident, MEANING::similar)).isFalse();
    }

    @Test
    void theConditionDoesNotOverrideTheRestOfTheRule() {
        MergeRule.Mention weekLater = report("b2", "outlet-b", "2024-05-21", outletB.evidence());
        assertThat(MEANING.similar(outletA.evidence(), weekLater.evidence())).isTrue();
        assertThat(MergeRule.DEFAULT.sameStory(outletA, weekLater, MEANING::similar)).as("outside the 3-day window")
                .isFalse();
    }
}
