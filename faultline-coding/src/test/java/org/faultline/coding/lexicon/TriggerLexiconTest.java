package org.faultline.coding.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.faultline.coding.kb.TsvTable;
import org.faultline.model.EventType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled trigger lexicon loads; malformed tables fail at load naming file:line. */
class TriggerLexiconTest {
    private static final String ROOT = "/org/faultline/coding/lexicon/";
    private static final String[] COLUMNS = {"id", "pos", "lemma", "object", "type", "mode", "context", "cameo"};
    private static final String HEADER = String.join("\t", COLUMNS) + "\tnote\n";

    static CameoCodebook cameo;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCodebook() {
        cameo = new CameoCodebook(TsvTable.resource(ROOT + "cameo.tsv", "code", "goldstein"));
    }

    private TriggerLexicon lexicon(String rows) throws IOException {
        Path p = dir.resolve("triggers.tsv");
        Files.writeString(p, "# test triggers\n" + HEADER + rows, StandardCharsets.UTF_8);
        return new TriggerLexicon(TsvTable.file(p, COLUMNS), cameo);
    }

    private String path() {
        return dir.resolve("triggers.tsv").toString();
    }

    @Test
    void bundledLexiconLoads() {
        TriggerLexicon lexicon = new TriggerLexicon(TsvTable.resource(ROOT + "triggers.tsv", COLUMNS), cameo);

        assertThat(lexicon.size()).isGreaterThan(100);
        assertThat(lexicon.sha256()).hasSize(64);
        assertThat(lexicon.mayTrigger("agree")).isTrue();
        assertThat(lexicon.mayTrigger("photosynthesis")).isFalse();
        List<TriggerEntry> agree = lexicon.verb("agree");
        assertThat(agree).isNotEmpty();
        assertThat(agree.get(agree.size() - 1)).usingRecursiveComparison().ignoringFields("source")
                .isEqualTo(new TriggerEntry("agree.v", false, "agree", null, List.of("agree"), Set.of(),
                        EventType.AGREE, null, List.of("diplomatic"), "030", null));
        assertThat(agree.get(agree.size() - 1).source()).matches("triggers\\.tsv:\\d+");
        assertThat(agree).as("most specific first").isSortedAccordingTo(
                (a, b) -> Integer.compare(b.specificity(), a.specificity()));
    }

    @Test
    void bundledCodebookKnowsGoldsteinScoresAndFallsBackToAncestors() {
        assertThat(cameo.contains("190")).isTrue();
        assertThat(cameo.goldstein("190")).isEqualTo(-10.0);
        assertThat(cameo.goldstein("1909")).as("unlisted code takes its parent's score").isEqualTo(-10.0);
        assertThat(cameo.goldstein("99999")).isZero();
    }

    @Test
    void readsVerbNounPhraseAndLightRows() throws IOException {
        TriggerLexicon lexicon = lexicon(""
                + "attack.v\tV\tattack\t\tASSAULT\t\tmilitary\t190\t\n"
                + "call.v.for\tV\tcall for\t\tREQUEST\t\t\t10\t\n"
                + "mou.n\tN\tmemorandum of understanding\t\tAGREE\t\tdiplomatic|economic\t057\t\n"
                + "strike.n.hunger\tN\tstrike\thunger\tPROTEST\thunger\t\t\t\n"
                + "launch.v\tV\tlaunch\t\tLIGHT\t\t\t\t\n");
        String p = path();

        assertThat(lexicon.verb("attack")).containsExactly(new TriggerEntry("attack.v", false, "attack", null,
                List.of("attack"), Set.of(), EventType.ASSAULT, null, List.of("military"), "190", p + ":3"));
        assertThat(lexicon.verb("call")).containsExactly(new TriggerEntry("call.v.for", false, "call", "for",
                List.of("call", "for"), Set.of(), EventType.REQUEST, null, List.of(), "10", p + ":4"));
        assertThat(lexicon.phrasesStartingWith("memorandum")).containsExactly(new TriggerEntry("mou.n", true,
                "memorandum", null, List.of("memorandum", "of", "understanding"), Set.of(), EventType.AGREE, null,
                List.of("diplomatic", "economic"), "057", p + ":5"));
        assertThat(lexicon.noun("strike")).containsExactly(new TriggerEntry("strike.n.hunger", true, "strike", null,
                List.of("strike"), Set.of("hunger"), EventType.PROTEST, "hunger", List.of(), null, p + ":6"));
        assertThat(lexicon.verb("launch")).singleElement().satisfies(e -> assertThat(e.light()).isTrue());
        assertThat(lexicon.mayTrigger("understanding")).isTrue();
        assertThat(lexicon.size()).isEqualTo(5);
    }

    @Test
    void aHyphenatedPhraseIsAlsoLookedForAsTheTokenizerSplitsIt() throws IOException {
        TriggerLexicon lexicon = lexicon("nfz.n\tN\tno-fly zone\t\tCOERCE\trestrict\tmilitary\t191\t\n");
        String p = path();

        assertThat(lexicon.phrasesStartingWith("no-fly")).singleElement()
                .satisfies(e -> assertThat(e.words()).containsExactly("no-fly", "zone"));
        assertThat(lexicon.phrasesStartingWith("no")).containsExactly(new TriggerEntry("nfz.n", true, "no", null,
                List.of("no", "-", "fly", "zone"), Set.of(), EventType.COERCE, "restrict", List.of("military"), "191",
                p + ":3"));
        assertThat(TriggerLexicon.hyphensSplit(List.of("drive-by", "shooting")))
                .containsExactly("drive", "-", "by", "shooting");
        assertThat(TriggerLexicon.hyphensSplit(List.of("anti-", "war"))).containsExactly("anti-", "war");
        assertThat(lexicon.size()).as("one row, however it is looked for").isEqualTo(1);
    }

    @Test
    void unknownTypeFailsNamingFileAndLine() {
        assertThatThrownBy(() -> lexicon("ok.v\tV\tattack\t\tASSAULT\t\t\t190\t\n"
                + "bad.v\tV\tbomb\t\tBOMBARD\t\t\t190\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(path() + ":4: unknown PLOVER event type 'BOMBARD'")
                .hasMessageContaining("ASSAULT");
    }

    @Test
    void badModeFailsNamingFileLineAndTheModes() {
        assertThatThrownBy(() -> lexicon("bad.v\tV\tbomb\t\tASSAULT\tcarpet\t\t190\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(path() + ":3: mode 'carpet' is not a mode of ASSAULT")
                .hasMessageContaining("aerial");
    }

    @Test
    void unknownCameoCodeFailsNamingFileAndLine() {
        assertThatThrownBy(() -> lexicon("bad.v\tV\tbomb\t\tASSAULT\t\t\t999\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(path() + ":3: CAMEO code '999' is not in cameo.tsv");
    }

    @Test
    void badPosAndDuplicateIdFailNamingFileAndLine() {
        assertThatThrownBy(() -> lexicon("bad.v\tX\tbomb\t\tASSAULT\t\t\t190\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(path() + ":3: pos 'X' must be V or N");
        assertThatThrownBy(() -> lexicon("a.v\tV\tbomb\t\tASSAULT\t\t\t190\t\na.v\tV\tshell\t\tASSAULT\t\t\t190\t\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(path() + ":4: duplicate trigger id 'a.v'");
    }
}
