package org.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline kb} end to end through {@link Main}, on the bundled knowledge base and on overlays. */
class KbCommandTest {
    static final String OFFICE_HEADER = "id\tperson\tnames\tcountry\toffice\tsector\tstart\tend\tleader\n";

    @TempDir
    Path dir;

    static Path resource(String name) throws URISyntaxException {
        return Path.of(KbCommandTest.class.getResource("/kb/" + name).toURI());
    }

    Path overlayWithMadeUpMinister() throws IOException {
        Path d = Files.createDirectories(dir.resolve("kb"));
        // Shoigu's bundled row cut short, and a made-up successor in between
        Files.writeString(d.resolve("ministers.tsv"), OFFICE_HEADER
                + "office:RUS:defence_minister:shoigu-2012\tSergei Shoigu\tSergei Shoigu|Shoigu\tRUS\tdefence_minister"
                + "\tGOV\t2012-11-06\t2023-01-31\tno\n"
                + "office:RUS:defence_minister:orlov-2023\tPavel Orlov\tPavel Orlov|Orlov\tRUS\tdefence_minister\tGOV"
                + "\t2023-01-31\t2024-05-12\tno\n", StandardCharsets.UTF_8);
        return d;
    }

    @Test
    void whoResolvesTheTitleOnTheDate() {
        CliRun.Run r = CliRun.run("kb", "who", "defence minister", "RUS", "2023-05-01");
        assertThat(r.exit()).isZero();
        assertThat(r.outLines().get(0)).isEqualTo("defence_minister of RUS on 2023-05-01: Sergei Shoigu "
                + "(2012-11-06 to 2024-05-12)");
        assertThat(r.out()).contains("id office:RUS:defence_minister:shoigu-2012, ministers.tsv:")
                .contains("before: Anatoly Serdyukov").contains("after:  Andrei Belousov");
    }

    @Test
    void whoAnswersFromTheOverlay() throws IOException {
        Path kb = overlayWithMadeUpMinister();
        CliRun.Run r = CliRun.run("kb", "who", "defence minister", "RUS", "2023-05-01", "--kb", kb.toString(),
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json(r.out());
        assertThat(j.at("/holder/name").asText()).isEqualTo("Pavel Orlov");
        assertThat(j.at("/holder/source").asText()).isEqualTo(kb.resolve("ministers.tsv") + ":3");
        assertThat(j.at("/before/name").asText()).isEqualTo("Sergei Shoigu");
        assertThat(j.at("/before/end").asText()).isEqualTo("2023-01-31");
    }

    @Test
    void whoRefusesUnknownTitlesAndCountriesAndSaysWhenNobodyHeldTheOffice() {
        CliRun.Run title = CliRun.run("kb", "who", "grand vizier", "RUS", "2023-05-01");
        assertThat(title.exit()).isEqualTo(2);
        assertThat(title.err()).contains("'grand vizier' is neither a title of titles.tsv nor an office");
        CliRun.Run country = CliRun.run("kb", "who", "president", "XXX", "2023-05-01");
        assertThat(country.exit()).isEqualTo(2);
        assertThat(country.err()).contains("'XXX' is not a country code");
        CliRun.Run nobody = CliRun.run("kb", "who", "president", "RUS", "1850-01-01");
        assertThat(nobody.exit()).isEqualTo(1);
        assertThat(nobody.out()).contains("president of RUS on 1850-01-01: nobody in the knowledge base");
    }

    @Test
    void findListsEntriesAndPlaces() throws IOException {
        CliRun.Run kremlin = CliRun.run("kb", "find", "the Kremlin", "--format", "json");
        assertThat(kremlin.exit()).isZero();
        JsonNode k = json(kremlin.out());
        assertThat(k.at("/entries/0/id").asText()).isEqualTo("country:RUS");
        assertThat(k.at("/entries/0/form_type").asText()).isEqualTo("METONYM");

        CliRun.Run bundled = CliRun.run("kb", "find", "Moura");
        assertThat(bundled.exit()).isZero();
        assertThat(bundled.outLines()).hasSize(3);
        assertThat(bundled.out()).contains("PRT").contains("Beja").contains("MLI").contains("Mopti");

        Path d = Files.createDirectories(dir.resolve("places"));
        Files.writeString(d.resolve("places.tsv"), "name\tiso3\tadmin1\tkind\tlat\tlon\tpopulation\n"
                + "Moura\tBRA\tAmazonas\tCITY\t-1.46\t-61.63\t5000\n", StandardCharsets.UTF_8);
        CliRun.Run overlaid = CliRun.run("kb", "find", "moura", "--kb", d.toString(), "--format", "json");
        assertThat(overlaid.exit()).isZero();
        List<String> countries = new ArrayList<>();
        json(overlaid.out()).get("places").forEach(p -> countries.add(p.get("country").asText()));
        assertThat(countries).containsExactlyInAnyOrder("PRT", "MLI", "BRA");

        CliRun.Run none = CliRun.run("kb", "find", "Xyzzyville");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.out()).contains("'Xyzzyville': 0 entries, 0 places");
    }

    @Test
    void checkPassesACleanOverlayAndListsEveryProblemOfABadOne() throws IOException {
        Path good = overlayWithMadeUpMinister();
        CliRun.Run ok = CliRun.run("kb", "check", good.toString());
        assertThat(ok.exit()).as(ok.out()).isZero();
        assertThat(ok.out()).contains(good + ": ministers.tsv 2 rows; no problems");

        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("offices.tsv"), OFFICE_HEADER
                + "office:RUS:defence_minister:orlov-2020\tPavel Orlov\tOrlov\tRUS\tdefence_minister\tGOV\t2020-01-01"
                + "\t2021-01-01\tno\n"
                + "office:QQQ:president:x-2020\tX\tX\tQQQ\tpresident\tGOV\t2020-01-01\t\tmaybe\n"
                + "office:QQQ:president:x-2020\tX\tX\tFRA\tPresident\tGOV\t2020-01-01\t\t\n", StandardCharsets.UTF_8);
        CliRun.Run r = CliRun.run("kb", "check", bad.toString());
        assertThat(r.exit()).isEqualTo(1);
        String f = bad.resolve("offices.tsv").toString();
        assertThat(r.outLines()).containsExactly(
                f + ":3: country 'QQQ' is not a country or actor code the knowledge base knows (add the state to "
                        + "countries.tsv of the overlay, or use IGO, NGO or IMG)",
                f + ":3: leader 'maybe' is not yes, no or empty",
                f + ":4: id 'office:QQQ:president:x-2020' repeats " + f + ":3 (one row per id)",
                f + ":4: office 'President' is not an office name in lower case with underscores (president, "
                        + "prime_minister, defence_minister, ...)",
                f + ":2: RUS defence_minister: the term of Pavel Orlov (2020-01-01 to 2021-01-01) overlaps that of "
                        + "Sergei Shoigu (2012-11-06 to 2024-05-12, office:RUS:defence_minister:shoigu-2012 at "
                        + "ministers.tsv:773)",
                bad + ": offices.tsv 3 rows; 5 problems");
        CliRun.Run missing = CliRun.run("kb", "check", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
    }

    @Test
    void statsCountsFilesAndNamesTheOverlayAndItsHash() throws IOException {
        CliRun.Run plain = CliRun.run("kb", "stats", "--format", "json");
        assertThat(plain.exit()).isZero();
        JsonNode p = json(plain.out());
        assertThat(p.at("/rows/countries.tsv").asInt()).isEqualTo(197);
        assertThat(p.at("/stated_as_of/leaders.tsv").asText()).matches("\\d{4}-\\d{2}");
        assertThat(p.at("/states_with_leaders").asInt()).isEqualTo(p.at("/states").asInt());
        assertThat(p.get("overlay").isNull()).isTrue();

        Path kb = overlayWithMadeUpMinister();
        CliRun.Run over = CliRun.run("kb", "stats", "--kb", kb.toString());
        assertThat(over.exit()).isZero();
        assertThat(over.out()).containsPattern("overlay/ministers.tsv +2  sha256 [0-9a-f]{12}")
                .contains("overlay: " + kb);
    }

    @Test
    void aBadOverlayIsAUsageErrorOfEveryCommandThatBuildsACoder() throws IOException {
        Path bad = Files.createDirectories(dir.resolve("bad-code"));
        Files.writeString(bad.resolve("leaders.tsv"), OFFICE_HEADER
                + "office:FRA:president:x-2027\tX\tX\tFRA\tpresident\tGOV\t2027-02-30\t\tyes\n", StandardCharsets.UTF_8);
        Path article = Files.writeString(dir.resolve("a.txt"), "Date: 2024-11-14\n\nRussia attacked Ukraine.");
        CliRun.Run code = CliRun.run("code", "--kb", bad.toString(), "--date", "2024-11-14", article.toString());
        assertThat(code.exit()).isEqualTo(2);
        assertThat(code.err()).contains(bad.resolve("leaders.tsv") + ":2: start '2027-02-30' is not a date YYYY-MM-DD")
                .doesNotContain("loading NLP models");
        CliRun.Run missing = CliRun.run("code", "--kb", dir.resolve("nowhere").toString(), article.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--kb " + dir.resolve("nowhere") + ": no such directory");
    }

    @Test
    void importsHoldersFromAQueryServiceCsvIntoAnOverlayTheCoderLoads() throws Exception {
        Path out = dir.resolve("imported");
        CliRun.Run r = CliRun.run("kb", "import-wikidata", "--kind", "holders", resource("holders.csv").toString(),
                "--office", "foreign_minister", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote 2 rows to " + out.resolve("offices.tsv"));
        List<String> rows = Files.readAllLines(out.resolve("offices.tsv")).stream().filter(l -> !l.startsWith("#"))
                .toList();
        assertThat(rows).containsExactly(OFFICE_HEADER.strip(),
                "office:UKR:foreign_minister:kovalenko-ruiz-2031\tMarta Kovalenko-Ruiz\tMarta Kovalenko-Ruiz\tUKR\t"
                        + "foreign_minister\tGOV\t2031-02-01\t2032-03-15\tno",
                "office:UKR:foreign_minister:aberg-2032\tJonas Åberg\tJonas Åberg\tUKR\tforeign_minister\tGOV\t"
                        + "2032-03-15\t\tno");

        CliRun.Run who = CliRun.run("kb", "who", "foreign minister", "UKR", "2033-01-01", "--kb", out.toString());
        assertThat(who.exit()).isZero();
        assertThat(who.outLines().get(0)).isEqualTo("foreign_minister of UKR on 2033-01-01: Jonas Åberg "
                + "(2032-03-15 to now)");
        CliRun.Run again = CliRun.run("kb", "import-wikidata", "--kind", "holders", resource("holders.csv").toString(),
                "--office", "foreign_minister", "--out", out.toString());
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("exists; pass --force to replace it");
    }

    @Test
    void importRefusesBadRowsNamingFileAndLineAndWritesNothing() throws Exception {
        Path out = dir.resolve("not-written");
        Path csv = resource("holders-bad.csv");
        CliRun.Run r = CliRun.run("kb", "import-wikidata", "--kind", "holders", csv.toString(), "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                csv + ":3: no person label (Q900004 has no English label)",
                csv + ":3: country 'Atlantis' is not a country name the knowledge base knows; add an iso3 column "
                        + "(wdt:P298)",
                csv + ":3: start '2031-13-01T00:00:00Z' is not a date like 2023-05-01T00:00:00Z",
                "3 rows could not be imported; nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void importsOrganisationsWithAliasesAndTheirNamesFindThem() throws Exception {
        Path out = dir.resolve("orgs");
        CliRun.Run r = CliRun.run("kb", "import-wikidata", "--kind", "organisations",
                resource("organisations.csv").toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = Files.readAllLines(out.resolve("organisations.tsv")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).containsExactly("id\tcode\tkind\tsector\tcountry\tname\tnames\tadjectives\tmembers",
                "group:NDB\tMLI\tARMED_GROUP\tREB\tMLI\tNorthern Dawn Brigade\tNorthern Dawn Brigade|NDB|Northern Dawn"
                        + "|Dawn Brigade\t\t",
                "ngo:SAHEL-MONITORING-NETWORK\tNGO\tNGO\t\t\tSahel Monitoring Network\tSahel Monitoring Network|"
                        + "SMN Observers\t\t");
        assertThat(CliRun.run("kb", "check", out.toString()).exit()).isZero();
        CliRun.Run find = CliRun.run("kb", "find", "Dawn Brigade", "--kb", out.toString(), "--format", "json");
        assertThat(find.exit()).isZero();
        assertThat(json(find.out()).at("/entries/0/id").asText()).isEqualTo("group:NDB");
        assertThat(CliRun.run("kb", "find", "Dawn Brigade").exit()).isEqualTo(1);
    }

    @Test
    void theEnvironmentVariableNamesTheOverlay() throws Exception {
        Path kb = overlayWithMadeUpMinister();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "kb", "who", "defence minister",
                "RUS", "2023-05-01");
        pb.environment().put("FAULTLINE_KB", kb.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("defence_minister of RUS on 2023-05-01: Pavel Orlov (2023-01-31 to 2024-05-12)");
    }

    static JsonNode json(String s) throws IOException {
        return new ObjectMapper().readTree(s);
    }
}
