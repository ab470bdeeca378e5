package org.faultline.coding.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.faultline.coding.kb.TsvTable;
import org.faultline.model.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecodesTest {
    private static final String HEADER = "# a test table\nid\ttype\tcameo\tmode\tnote\n";

    private static Recodes load(Path dir, String rows) throws Exception {
        Path f = dir.resolve("recodes.tsv");
        Files.writeString(f, HEADER + rows, StandardCharsets.UTF_8);
        return new Recodes(TsvTable.file(f, "id", "type", "cameo", "mode"), CameoCodebook.bundled());
    }

    @Test
    void theBundledFileLoadsAndEveryCodeIsInTheCodebook() {
        Recodes r = Recodes.bundled();
        CameoCodebook cameo = CameoCodebook.bundled();
        assertThat(r.all()).isNotEmpty();
        for (Recodes.Recode x : r.all()) {
            assertThat(cameo.contains(x.cameo())).as("CAMEO code of %s", x.id()).isTrue();
            assertThat(x.note()).as("note of %s", x.id()).isNotBlank();
        }
        assertThat(r.get("joint->COOPERATE"))
                .isEqualTo(new Recodes.Recode("joint->COOPERATE", EventType.COOPERATE, "062", null,
                        r.get("joint->COOPERATE").note()));
        Recodes.Recode protest = r.get("official-protest->ACCUSE");
        assertThat(protest.type()).isEqualTo(EventType.ACCUSE);
        assertThat(protest.cameo()).isEqualTo("111");
        assertThat(protest.mode()).isEqualTo("disapprove");
        assertThat(r.get("help-with").cameo()).isEqualTo("060");
        assertThat(r.get("help-with.military").cameo()).isEqualTo("062");
        assertThat(r.sha256()).hasSize(64);
    }

    @Test
    void anUnknownIdFailsLoudlyNamingIt() {
        assertThatThrownBy(() -> Recodes.bundled().get("joint->COOPERATES"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no recode 'joint->COOPERATES'");
    }

    @Test
    void aRowWithAnUnknownTypeIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "a\tAGREE\t03\t\tfine\nb\tCOOPERATION\t062\t\tno such type\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recodes.tsv:4")
                .hasMessageContaining("unknown PLOVER event type 'COOPERATION'");
    }

    @Test
    void aRowWithACodeMissingFromTheCodebookIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "a\tAGREE\t03\t\tfine\nb\tAGREE\t0399\t\tno such code\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recodes.tsv:4")
                .hasMessageContaining("CAMEO code '0399'");
    }

    @Test
    void aRowWithAModeItsTypeLacksIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "a\tACCUSE\t111\tstrike\twrong mode\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recodes.tsv:3")
                .hasMessageContaining("mode 'strike' is not a mode of ACCUSE");
    }

    @Test
    void anIdListedTwiceIsAnErrorWithItsLine(@TempDir Path dir) {
        assertThatThrownBy(() -> load(dir, "a\tAGREE\t03\t\tonce\nb\tTHREATEN\t13\t\t\na\tAGREE\t0356\t\ttwice\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recodes.tsv:5")
                .hasMessageContaining("duplicate recode id 'a'");
    }

    @Test
    void aTableReadsItsRowsWithAnEmptyModeAsNone(@TempDir Path dir) throws Exception {
        Recodes r = load(dir, "a\tAGREE\t03\t\tfuture cooperation\nb\tREJECT\t1211\tassist\trefused help\n");
        assertThat(r.all()).extracting(Recodes.Recode::id).containsExactly("a", "b");
        assertThat(r.get("a").mode()).isNull();
        assertThat(r.get("b").mode()).isEqualTo("assist");
        assertThat(r.get("b").note()).isEqualTo("refused help");
    }
}
