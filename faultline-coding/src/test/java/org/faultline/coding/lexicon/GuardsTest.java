package org.faultline.coding.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.coding.kb.TsvTable;
import org.faultline.coding.lexicon.Guards.Effect;
import org.faultline.coding.lexicon.Guards.Guard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guards file and its loader, on the bundled file and on small bad files (no CoreNLP). */
class GuardsTest {
    private static final String HEADER = "# a test table\nid\tstage\teffect\twhat\n";

    private static Guards load(Path dir, String rows) throws Exception {
        Path f = dir.resolve("guards.tsv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        return new Guards(TsvTable.file(f, "id", "stage", "effect", "what"));
    }

    @Test
    void theBundledFileLoadsWithTheGuardsTheStagesNamed() {
        Guards g = Guards.bundled();
        assertThat(g.all()).extracting(Guard::id).contains("guard.sport", "guard.accident", "guard.natural-force",
                "guard.self-dyad", "guard.weapon-origin", "guard.incursion", "guard.place-not-actor");
        for (Guard x : g.all()) {
            assertThat(x.what()).as("what of %s", x.id()).isNotBlank();
            assertThat(Guards.STAGES).as("stages of %s", x.id()).containsAll(x.stages());
        }
        // (read through all(), not get(): a lookup here would count as the stage's own)
        Guard sport = g.all().stream().filter(x -> x.id().equals("guard.sport")).findFirst().orElseThrow();
        assertThat(sport.stages()).containsExactly("TriggerStage");
        assertThat(sport.effect()).isEqualTo(Effect.DROP_TRIGGER);
        assertThat(g.sha256()).hasSize(64);
    }

    /**
     * Initialising the classes the file names makes each look its guards up: an id the code asks for that the file
     * lacks fails here, and so does a row (or a stage of a row) that no code applies.
     */
    @Test
    void everyGuardTheCodeAsksForIsInTheFileAndEveryRowIsApplied() throws Exception {
        Set<String> stages = new TreeSet<>();
        Guards.bundled().all().forEach(x -> stages.addAll(x.stages()));
        for (String stage : stages) {
            Class.forName("org.faultline.coding.events." + stage, true, GuardsTest.class.getClassLoader());
        }
        assertThat(Guards.bundled().unapplied()).as("rows no stage looks up").isEmpty();
    }

    @Test
    void anUnknownIdFailsLoudlyNamingIt() {
        assertThatThrownBy(() -> Guards.bundled().get("guard.sports", GuardsTest.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no guard 'guard.sports'");
    }

    @Test
    void aStageTheRowDoesNotNameFailsLoudly() {
        assertThatThrownBy(() -> Guards.bundled().get("guard.sport", GuardsTest.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("guard 'guard.sport' is applied by GuardsTest")
                .hasMessageContaining("[TriggerStage]");
    }

    @Test
    void aTableReadsItsRows(@TempDir Path dir) throws Exception {
        Guards g = load(dir, "guard.a\tTriggerStage\tdrop-trigger\tno a\n"
                + "guard.b-c\tParticipantStage|FallbackStage\tdrop-actor\tno b\n");
        assertThat(g.all()).containsExactly(new Guard("guard.a", List.of("TriggerStage"), Effect.DROP_TRIGGER, "no a"),
                new Guard("guard.b-c", List.of("ParticipantStage", "FallbackStage"), Effect.DROP_ACTOR, "no b"));
        assertThat(g.unapplied()).containsExactly("guard.a@TriggerStage", "guard.b-c@FallbackStage",
                "guard.b-c@ParticipantStage");
    }

    @Test
    void anIdListedTwiceIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "guard.a\tTriggerStage\tdrop-trigger\tonce\n"
                + "guard.b\tRecodeStage\tdrop-recipient\tother\n"
                + "guard.a\tEventExtractor\tdrop-event\ttwice\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:5")
                .hasMessageContaining("duplicate guard id 'guard.a'");
    }

    @Test
    void anUnknownEffectIsAnErrorWithItsLineAndTheKnownEffects(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "guard.a\tTriggerStage\tdrop-trigger\tfine\n"
                + "guard.b\tTriggerStage\tskip-trigger\tno such effect\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:4")
                .hasMessageContaining("unknown effect 'skip-trigger'").hasMessageContaining("drop-recipient");
    }

    @Test
    void anUnknownStageIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "guard.a\tTriggerStage|ActorStage\tdrop-trigger\tno such stage\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:3")
                .hasMessageContaining("unknown stage 'ActorStage'");
    }

    @Test
    void anIdNotOfTheGuardFormIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "sport\tTriggerStage\tdrop-trigger\tno prefix\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:3")
                .hasMessageContaining("guard id 'sport'");
    }

    @Test
    void aRowMissingItsLastColumnsIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "guard.a\tTriggerStage\tdrop-trigger\tfine\nguard.b\tTriggerStage\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:4")
                .hasMessageContaining("unknown effect ''");
        assertThatThrownBy(() -> load(dir, "guard.a\tTriggerStage\tdrop-trigger\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:3")
                .hasMessageContaining("says nothing in column 'what'");
    }

    @Test
    void aHeaderMissingAColumnIsAnErrorWithItsLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("guards.tsv");
        Files.writeString(f, "# no effect column\nid\tstage\twhat\nguard.a\tTriggerStage\tsomething\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new Guards(TsvTable.file(f, "id", "stage", "effect", "what")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guards.tsv:2")
                .hasMessageContaining("header lacks column 'effect'");
    }
}
