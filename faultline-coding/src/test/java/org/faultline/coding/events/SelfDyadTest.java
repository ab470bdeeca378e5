package org.faultline.coding.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.kb.ActorEntry;
import org.faultline.coding.kb.FormType;
import org.faultline.model.EventType;
import org.faultline.model.Modality;
import org.junit.jupiter.api.Test;

/** The self-dyad guard on hand-made mentions: a state on itself at country level, not groups of one country. */
class SelfDyadTest {
    private static final ActorEntry UKRAINE = new ActorEntry("country:UKR", "UKR", null, ActorEntry.Kind.STATE,
            "Ukraine", null, null, null, false, "test");
    private static final ActorEntry HAMAS = new ActorEntry("group:HAMAS", "PSE", "REB", ActorEntry.Kind.ARMED_GROUP,
            "Hamas", null, null, null, false, "test");
    private static final ActorEntry PA = new ActorEntry("igo:PA", "PSE", "GOV", ActorEntry.Kind.STATE_BODY,
            "Palestinian Authority", null, null, null, false, "test");

    private static Mention named(ActorEntry e, FormType form) {
        return new Mention(0, 0, 0, 0, 0, 1, e.name(), e.code(), e.sector(), e, form, Mention.Source.NAME, e.id());
    }

    private static Mention agent(String code, String sector) {
        return new Mention(0, 0, 0, 0, 0, 1, "troops", code, sector, null, null, Mention.Source.AGENT, "agent:x");
    }

    @Test
    void aStateOnItselfIsASelfDyad() {
        assertThat(RecodeStage.selfDyad(List.of(named(UKRAINE, FormType.NAME)),
                List.of(named(UKRAINE, FormType.ADJECTIVE)))).isTrue();
    }

    @Test
    void groupsOfOneCountryAreNot() {
        assertThat(RecodeStage.selfDyad(List.of(agent("UKR", "MIL")), List.of(agent("UKR", "MIL")))).isFalse();
        assertThat(RecodeStage.selfDyad(List.of(agent("UKR", "COP")), List.of(named(UKRAINE, FormType.NAME))))
                .isFalse();
        assertThat(RecodeStage.selfDyad(List.of(named(HAMAS, FormType.NAME)), List.of(named(PA, FormType.NAME))))
                .isFalse();
    }

    @Test
    void theGuardDropsTheRecipientAndRecordsItsIdAsTheRule() {
        Reading r = new Reading(EventType.ASSAULT, "190", null, List.of(), Modality.ASSERTED, null,
                List.of(named(UKRAINE, FormType.NAME)), List.of(named(UKRAINE, FormType.ADJECTIVE)), "syntax",
                List.of("attack.v"));
        Reading guarded = RecodeStage.withoutSelfDyad(r);
        assertThat(guarded.recipients()).isEmpty();
        assertThat(guarded.rules()).containsExactly("attack.v", "guard.self-dyad");
    }

    @Test
    void oneDistinctRecipientIsEnough() {
        Mention russia = named(new ActorEntry("country:RUS", "RUS", null, ActorEntry.Kind.STATE, "Russia", null, null,
                null, false, "test"), FormType.NAME);
        assertThat(RecodeStage.selfDyad(List.of(named(UKRAINE, FormType.NAME)),
                List.of(named(UKRAINE, FormType.NAME), russia))).isFalse();
    }
}
