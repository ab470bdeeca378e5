package org.faultline.cli.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.faultline.coding.kb.TsvTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundled ISO 3166-1 alpha-3 to FIPS 10-4 table: known pairs (the codes that differ most from ISO), regions
 * FIPS 10-4 codes apart, every place of the gazetteer resolved, and rows checked at load.
 */
class FipsCodesTest {
    private static final String GAZETTEER = "/org/faultline/coding/kb/places.tsv";
    private static final String STATES = "/org/faultline/coding/kb/countries.tsv";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"DEU, GM", "GBR, UK", "UKR, UP", "RUS, RS", "ISR, IS", "CHN, CH", "PRK, KN", "KOR, KS", "IRN, IR",
        "IRQ, IZ", "USA, US", "AUT, AU", "AUS, AS", "SRB, RI", "ZAF, SF", "PHL, RP", "ESP, SP", "XKX, KV", "SSD, OD",
        "COD, CG", "COG, CF", "LBN, LE", "SYR, SY", "YEM, YM", "SDN, SU", "TWN, TW"})
    void knownPairs(String iso3, String fips) {
        assertThat(FipsCodes.bundled().of(iso3, null)).contains(fips);
    }

    @Test
    void regionsWithACodeOfTheirOwnTakeItAndOthersTheirCountrys() {
        FipsCodes f = FipsCodes.bundled();
        assertThat(f.of("PSE", "Gaza Strip")).contains("GZ");
        assertThat(f.of("PSE", "West Bank")).contains("WE");
        assertThat(f.of("SJM", "Jan Mayen")).contains("JN");
        assertThat(f.of("UMI", "Wake Island")).contains("WQ");
        assertThat(f.of("UKR", "Kharkiv Oblast")).contains("UP");
        assertThat(f.of("UMI", null)).isEmpty();
        assertThat(f.of(null, "Gaza Strip")).isEmpty();
        assertThat(f.of("ZZZ", null)).isEmpty();
    }

    /** Every (country, region) the gazetteer can give an event's place has a code, and so has every state. */
    @Test
    void everyPlaceOfTheGazetteerAndEveryStateResolves() {
        FipsCodes f = FipsCodes.bundled();
        TsvTable places = TsvTable.resource(GAZETTEER, "name", "iso3", "admin1");
        Set<String> unresolved = new TreeSet<>();
        Set<String> countries = new TreeSet<>();
        for (TsvTable.Row r : places.rows()) {
            String admin1 = r.getOrEmpty("admin1");
            countries.add(r.get("iso3"));
            if (f.of(r.get("iso3"), admin1.isEmpty() ? null : admin1).isEmpty()) {
                unresolved.add(r.get("iso3") + "/" + admin1);
            }
        }
        assertThat(unresolved).isEmpty();
        assertThat(countries).hasSizeGreaterThan(240);
        assertThat(f.isoCodes()).containsAll(countries);
        List<String> states = new ArrayList<>();
        TsvTable.resource(STATES, "iso3").rows().forEach(r -> states.add(r.get("iso3")));
        assertThat(states).hasSizeGreaterThan(190).allSatisfy(iso3 -> assertThat(f.of(iso3, null)).isPresent());
    }

    @Test
    void theTableSaysWhereItsCodesComeFromAndItsVersion() {
        TsvTable t = TsvTable.resource(FipsCodes.RESOURCE, "iso3", "region", "fips");
        String header = String.join("\n", t.comments());
        assertThat(header).contains("Version 1", "FIPS 10-4", "US government", "GEC");
        assertThat(FipsCodes.bundled().sha256()).isEqualTo(t.sha256()).hasSize(64);
    }

    @Test
    void aBadRowFailsNamingFileAndLine() throws IOException {
        assertThatThrownBy(() -> load("iso3\tregion\tfips\nDEU\t\tGM\nFRA\t\tFRA\n"))
                .hasMessageContaining("bad.tsv:3: fips 'FRA' is not two upper-case letters");
        assertThatThrownBy(() -> load("iso3\tregion\tfips\nDE\t\tGM\n"))
                .hasMessageContaining("bad.tsv:2: iso3 'DE' is not three upper-case letters");
        assertThatThrownBy(() -> load("iso3\tregion\tfips\nPSE\tGaza Strip\tGZ\nPSE\tGaza Strip\tWE\n"))
                .hasMessageContaining("bad.tsv:3: PSE region 'Gaza Strip' is listed twice");
        assertThat(load("# c\niso3\tregion\tfips\nDEU\t\tGM\n").of("DEU", "Bayern")).isEqualTo(Optional.of("GM"));
    }

    private FipsCodes load(String text) throws IOException {
        Path file = dir.resolve("bad.tsv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return FipsCodes.of(TsvTable.file(file, "iso3", "region", "fips"));
    }
}
