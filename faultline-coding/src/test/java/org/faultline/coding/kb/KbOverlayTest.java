package org.faultline.coding.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.faultline.coding.HandBuiltSentence;
import org.faultline.coding.actors.Mention;
import org.faultline.coding.actors.MentionFinder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overlay directory laid over the bundled knowledge base: same ids replace, new ids add, the coder's mention
 * finder sees the result without a rebuild, and bad rows are refused as file:line with nothing loaded.
 */
class KbOverlayTest {
    static final String OFFICE_HEADER = "id\tperson\tnames\tcountry\toffice\tsector\tstart\tend\tleader\n";
    static final String PLACE_HEADER = "name\tiso3\tadmin1\tkind\tlat\tlon\tpopulation\n";
    static final LocalDate AFTER = LocalDate.of(2027, 6, 1);

    @TempDir
    static Path dir;
    static KnowledgeBase bundled;

    @BeforeAll
    static void load() {
        bundled = KnowledgeBase.loadBundled();
    }

    /** A made-up French president from 2027, Macron's bundled row replaced with an end date, Moura in Brazil. */
    static Path fictionalOverlay(String name) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.writeString(d.resolve("leaders.tsv"), "# a made-up successor\n" + OFFICE_HEADER
                + "office:FRA:president:macron-2017\tEmmanuel Macron\tEmmanuel Macron|Macron\tFRA\tpresident\tGOV\t"
                + "2017-05-14\t2027-05-14\tyes\n"
                + "office:FRA:president:ardent-2027\tCamille Ardent\tCamille Ardent|Ardent\tFRA\tpresident\tGOV\t"
                + "2027-05-14\t\tyes\n", StandardCharsets.UTF_8);
        Files.writeString(d.resolve("places.tsv"), PLACE_HEADER + "Moura\tBRA\tAmazonas\tCITY\t-1.46\t-61.63\t5000\n",
                StandardCharsets.UTF_8);
        return d;
    }

    @Test
    void sameIdReplacesNewIdAddsAndTheRestStays() throws IOException {
        Path d = fictionalOverlay("replace");
        KnowledgeBase kb = KnowledgeBase.load(KbOverlay.read(d), List.of());

        ActorEntry macron = kb.entry("office:FRA:president:macron-2017");
        assertThat(macron.end()).isEqualTo(LocalDate.of(2027, 5, 14));
        assertThat(macron.source()).isEqualTo(d.resolve("leaders.tsv") + ":3");
        assertThat(bundled.entry("office:FRA:president:macron-2017").end()).isNull();
        ActorEntry ardent = kb.entry("office:FRA:president:ardent-2027");
        assertThat(ardent).isEqualTo(new ActorEntry("office:FRA:president:ardent-2027", "FRA", "GOV",
                ActorEntry.Kind.PERSON, "Camille Ardent", LocalDate.of(2027, 5, 14), null, "president", true,
                d.resolve("leaders.tsv") + ":4"));
        assertThat(kb.size()).isEqualTo(bundled.size() + 1);
        assertThat(kb.holder("FRA", "leader", AFTER)).isEqualTo(ardent);
        assertThat(kb.holder("FRA", "leader", LocalDate.of(2024, 1, 1))).isEqualTo(macron);
        assertThat(kb.holder("RUS", "president", LocalDate.of(2024, 1, 1)))
                .isEqualTo(bundled.holder("RUS", "president", LocalDate.of(2024, 1, 1)));
        assertThat(kb.places("Moura")).extracting(Place::country).containsExactlyInAnyOrder("PRT", "MLI", "BRA");
        assertThat(bundled.places("Moura")).extracting(Place::country).containsExactlyInAnyOrder("PRT", "MLI");
        assertThat(kb.overlay()).contains(d);
    }

    @Test
    void theOverlaysHashesJoinTheResourceHashes() throws IOException {
        Path d = fictionalOverlay("hashes");
        KnowledgeBase kb = KnowledgeBase.load(KbOverlay.read(d), List.of());

        assertThat(kb.resourceHashes()).containsKeys("overlay/leaders.tsv", "overlay/places.tsv");
        assertThat(kb.resourceHashes()).containsAllEntriesOf(bundled.resourceHashes());
        assertThat(kb.rowCounts()).containsEntry("overlay/leaders.tsv", 2).containsEntry("overlay/places.tsv", 1);
        Files.writeString(d.resolve("places.tsv"), PLACE_HEADER + "Moura\tMLI\tMopti\tCITY\t14.5\t-4.2\t5001\n",
                StandardCharsets.UTF_8);
        KnowledgeBase edited = KnowledgeBase.load(KbOverlay.read(d), List.of());
        assertThat(edited.resourceHashes().get("overlay/places.tsv"))
                .isNotEqualTo(kb.resourceHashes().get("overlay/places.tsv"));
    }

    @Test
    void theMentionFinderSeesAnAddedLeaderWithoutARebuild() throws IOException {
        KnowledgeBase kb = KnowledgeBase.load(KbOverlay.read(fictionalOverlay("mentions")), List.of());
        HandBuiltSentence s = HandBuiltSentence.in("President Ardent spoke")
                .token("President", "President", "NNP")
                .token("Ardent", "Ardent", "NNP")
                .token("spoke", "speak", "VBD");

        List<Mention> withOverlay = new MentionFinder(kb).find(s.build(), s.text(), AFTER).mentions();
        List<Mention> without = new MentionFinder(bundled).find(s.build(), s.text(), AFTER).mentions();

        assertThat(withOverlay).extracting(Mention::code).containsExactly("FRA");
        assertThat(withOverlay.get(0).entry().id()).isEqualTo("office:FRA:president:ardent-2027");
        assertThat(without).noneMatch(m -> m.entry() != null && m.entry().name().contains("Ardent"));
    }

    @Test
    void everyBadRowIsListedAsFileAndLineAndNothingLoads() throws IOException {
        Path d = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(d.resolve("offices.tsv"), OFFICE_HEADER
                + "office:RUS:defence_minister:x-2025\tX Y\tX Y\tRUS\tdefence_minister\tGOV\t2025-13-01\t\tno\n"
                + "office:ZZZ:president:q-2025\tQ\tQ\tZZZ\tpresident\tGOV\t2025-01-01\t\tyes\n"
                + "office:FRA:president:r-2025\tR\tR\tFRA\tpresident\tGOV\t2025-05-01\t2025-01-01\tyes\n",
                StandardCharsets.UTF_8);
        Files.writeString(d.resolve("organisations.tsv"), "id\tcode\tkind\tsector\tcountry\tname\tnames\n"
                + "group:NEW\tSYR\tMILITIA\tREB\tSYR\tNew Group\tNew Group\n", StandardCharsets.UTF_8);
        Files.writeString(d.resolve("leader.tsv"), OFFICE_HEADER, StandardCharsets.UTF_8);
        String offices = d.resolve("offices.tsv").toString();

        assertThatThrownBy(() -> KnowledgeBase.load(KbOverlay.read(d), List.of()))
                .isInstanceOf(KbException.class)
                .hasMessageContaining("has 5 problems")
                .hasMessageContaining(d.resolve("leader.tsv") + ": not a knowledge-base file name")
                .hasMessageContaining(offices + ":2: start '2025-13-01' is not a date YYYY-MM-DD")
                .hasMessageContaining(offices + ":3: country 'ZZZ' is not a country or actor code")
                .hasMessageContaining(offices + ":4: term ends (2025-01-01) before it starts (2025-05-01)")
                .hasMessageContaining(d.resolve("organisations.tsv") + ":2: unknown kind 'MILITIA'");
    }

    @Test
    void checkFindsTermsThatOverlapABundledHolder() throws IOException {
        Path d = Files.createDirectories(dir.resolve("overlap"));
        Files.writeString(d.resolve("ministers.tsv"), OFFICE_HEADER
                + "office:RUS:defence_minister:ivanov-2023\tIvan Ivanov\tIvan Ivanov\tRUS\tdefence_minister\tGOV\t"
                + "2023-01-01\t2023-12-31\tno\n", StandardCharsets.UTF_8);
        KbOverlay overlay = KbOverlay.read(d);

        assertThat(KbCheck.rowProblems(overlay, bundled.knownCodes())).isEmpty();
        List<KbProblem> overlaps = KbCheck.overlaps(overlay, bundled.officeHolders());
        assertThat(overlaps).hasSize(1);
        assertThat(overlaps.get(0).where()).isEqualTo(d.resolve("ministers.tsv") + ":2");
        assertThat(overlaps.get(0).message()).startsWith("RUS defence_minister: the term of Ivan Ivanov "
                + "(2023-01-01 to 2023-12-31) overlaps that of Sergei Shoigu (2012-11-06 to 2024-05-12");
        assertThat(KbCheck.overlaps(KbOverlay.read(fictionalOverlay("no-overlap")), bundled.officeHolders()))
                .as("a handover day shared by two terms is not an overlap").isEmpty();
    }
}
