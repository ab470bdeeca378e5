package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.faultline.model.EventType;
import org.faultline.nlp.ParsedSentence;
import org.junit.jupiter.api.Test;

class RelevanceGateTest {
    private final RelevanceGate gate = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD, GateFixture.CERTAIN,
            GateFixture.HEAD.threshold());

    @Test
    void politicalViolencePassesAndTheOtherSensesOfItsWordsDoNot() {
        // none of these sentences is in the training files
        for (String s : List.of("Rebel fighters attacked an army base near the northern border, killing five soldiers.",
                "The foreign ministers of Egypt and Jordan met in Cairo to discuss the war in Gaza.",
                "The European Union imposed new sanctions on Russian oil exports.")) {
            assertThat(gate.view(s).probability()).as(s).isGreaterThanOrEqualTo(gate.threshold());
        }
        for (String s : List.of("The chemical company fired its finance director over accounting errors.",
                "Heavy rain caused a landslide that blocked the mountain road for two days.",
                "Belgium's forwards attacked relentlessly but the Dutch keeper saved everything.")) {
            assertThat(gate.view(s).probability()).as(s).isLessThan(gate.threshold());
        }
    }

    @Test
    void theLikelyTypesOfAnAirStrikeStartWithAssault() {
        RelevanceGate.View v = gate.view("Warplanes bombed a rebel-held town in the north, killing civilians.");
        assertThat(v.types()).hasSize(EventType.values().length);
        assertThat(v.types().subList(0, 3)).contains(EventType.ASSAULT);
    }

    @Test
    void aSentenceWithACertainTriggerIsParsedWhateverTheHeadSays() {
        // a threshold no sentence reaches: only the lexicon's multi-word event noun lets it through
        RelevanceGate strict = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD, GateFixture.CERTAIN, 0.999999);
        ParsedSentence withPhrase = GateFixture.shallow("The peace talks/talk resumed on Monday.");
        ParsedSentence without = GateFixture.shallow("The talks/talk resumed on Monday.");
        assertThat(GateFixture.CERTAIN.find(withPhrase)).isEqualTo("peace_talk.n");
        assertThat(strict.admits(GateFixture.text(withPhrase), withPhrase)).isTrue();
        assertThat(strict.admits(GateFixture.text(without), without)).isFalse();
        assertThat(strict.counts()).isEqualTo(new RelevanceGate.Counts(2, 1, 1));
    }

    @Test
    void aVerbWithAnEventNounForItsObjectIsCertain() {
        RelevanceGate strict = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD, GateFixture.CERTAIN, 0.999999);
        ParsedSentence accepted = GateFixture.shallow(
                "Ghana accepted/accept/VBD the/the/DT American/american/JJ proposal/proposal/NN on/on/IN Monday.");
        assertThat(GateFixture.CERTAIN.find(accepted)).isEqualTo("accept.v.proposal");
        assertThat(strict.admits(GateFixture.text(accepted), accepted)).isTrue();
        // the pair must be verb and object of the row: not the same words in another order, nor another object
        ParsedSentence noun = GateFixture.shallow(
                "The/the/DT proposal/proposal/NN was/be/VBD accepted/accept/VBN on/on/IN Monday.");
        ParsedSentence noEvent = GateFixture.shallow("The/the/DT firm/firm/NN accepted/accept/VBD "
                + "the/the/DT invoice/invoice/NN of/of/IN the/the/DT supplier/supplier/NN.");
        ParsedSentence beyond = GateFixture.shallow("Ghana accepted/accept/VBD in/in/IN principle/principle/NN "
                + "the/the/DT proposal/proposal/NN.");
        assertThat(GateFixture.CERTAIN.find(noun)).isNull();
        assertThat(GateFixture.CERTAIN.find(noEvent)).isNull();
        assertThat(GateFixture.CERTAIN.find(beyond)).as("the object is looked for in the noun phrase after the verb")
                .isNull();
    }

    @Test
    void aDemonstrationIsCertainWhoeverHoldsItButARallyIsNot() {
        RelevanceGate strict = new RelevanceGate(GateFixture.ENCODER, GateFixture.HEAD, GateFixture.CERTAIN, 0.999999);
        ParsedSentence parents = GateFixture.shallow("Parents demonstrated/demonstrate outside the school.");
        ParsedSentence stocks = GateFixture.shallow("Stocks rallied/rally on Monday.");
        assertThat(GateFixture.CERTAIN.find(parents)).isEqualTo("word:demonstrate");
        assertThat(GateFixture.CERTAIN.find(stocks)).isNull();
        assertThat(strict.admits(GateFixture.text(parents), parents)).isTrue();
        assertThat(strict.admits(GateFixture.text(stocks), stocks)).isFalse();
    }

    @Test
    void aHeadTrainedOnAnotherEncoderIsRefusedWithTheRebuildCommand() {
        RelevanceHead other = new RelevanceHead("relevance-head.v0", "dev.langchain4j:other-encoder:0.1", 0.5, 0,
                GateFixture.HEAD.weights(), GateFixture.HEAD.types(), GateFixture.HEAD.provenance());
        assertThatThrownBy(() -> new RelevanceGate(GateFixture.ENCODER, other, GateFixture.CERTAIN, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dev.langchain4j:other-encoder:0.1")
                .hasMessageContaining(GateFixture.ENCODER.version())
                .hasMessageContaining("gate train");
    }

    @Test
    void gateSettingsAreOffOnOrAThresholdAndAnythingElseIsRefusedWithTheChoices() {
        assertThat(GateSetting.parse("off")).isEqualTo(GateSetting.OFF);
        assertThat(GateSetting.parse(" ON ")).isEqualTo(GateSetting.ON);
        assertThat(GateSetting.parse("0.3")).isEqualTo(new GateSetting(true, 0.3));
        assertThat(GateSetting.ON.thresholdFor(GateFixture.HEAD)).isEqualTo(GateFixture.HEAD.threshold());
        assertThat(GateSetting.parse("0.3").thresholdFor(GateFixture.HEAD)).isEqualTo(0.3);
        for (String bad : List.of("1", "0", "-0.2", "yes", "")) {
            assertThatThrownBy(() -> GateSetting.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'").hasMessageContaining("expected off, on or a threshold");
        }
    }
}
