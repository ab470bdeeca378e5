package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.faultline.coding.ArticleCoder;
import org.faultline.coding.CodingResult;
import org.faultline.model.ActorRef;
import org.faultline.model.Article;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.junit.jupiter.api.Test;

class SecondOpinionTest {
    private static final RelevanceGate GATE = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD,
            GateFixture.CERTAIN, GateFixture.HEAD.threshold());

    /** What a rule might code from the sentence: an event of this type at confidence 0.9. */
    private static Event coded(String id, EventType type, String sentence) {
        return new Event(id, "d1", type, null, List.of(), "190", 4, -10, List.of(new ActorRef("Troops", "RUS", "MIL", "Russia", "country:RUS", 0, 6)),
                List.of(), LocalDate.of(2024, 3, 1), DatePrecision.DAY, null, null, false, Modality.ASSERTED, null, 0.9,
                List.of(new Evidence("d1", 0, 0, sentence.length(), sentence, null, 0, 0)), "rule.x", "test");
    }

    /** A coder that returns fixed events: the second opinion is tested without CoreNLP. */
    private static ArticleCoder fixed(List<Event> events) {
        return new ArticleCoder() {
            @Override
            public CodingResult code(Article article) {
                return new CodingResult(article, events, 1, null);
            }

            @Override
            public String version() {
                return "fixed";
            }
        };
    }

    @Test
    void agreementKeepsTheRulesConfidenceAnotherTypeLowersItAndNoEventHalvesIt() {
        Event shelling = coded("e1", EventType.ASSAULT, "Russian artillery shelled the city of Kharkiv overnight, "
                + "killing three civilians.");
        Event shellingAsAid = coded("e2", EventType.AID, shelling.evidence().get(0).text());
        Event firing = coded("e3", EventType.ASSAULT, "The carmaker fired its chief executive after the losses.");
        SecondOpinion opinion = new SecondOpinion(fixed(List.of(shelling, shellingAsAid, firing)), GATE);
        CodingResult r = opinion.code(new Article("d1", LocalDate.of(2024, 3, 2), "text", null, null, null, null));
        assertThat(r.events()).extracting(Event::id, Event::confidence)
                .containsExactly(org.assertj.core.api.Assertions.tuple("e1", 0.9),
                        org.assertj.core.api.Assertions.tuple("e2", 0.68),
                        org.assertj.core.api.Assertions.tuple("e3", 0.45));
        assertThat(r.events().get(0)).isSameAs(shelling);
        assertThat(r.events().get(2)).isEqualTo(new Event("e3", "d1", EventType.ASSAULT, null, List.of(), "190", 4, -10,
                firing.actor(), List.of(), firing.date(), DatePrecision.DAY, null, null, false, Modality.ASSERTED, null,
                0.45, firing.evidence(), "rule.x", "test"));
        assertThat(opinion.version()).isEqualTo("fixed;second-opinion(" + HeadTrainer.NAME + ")");
    }
}
