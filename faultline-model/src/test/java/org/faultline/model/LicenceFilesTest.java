package org.faultline.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The repository says under which terms it and its bundled data may be copied. */
class LicenceFilesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void licenseHoldsTheWholeGplVersion3() throws IOException {
        String text = Files.readString(ROOT.resolve("LICENSE"), StandardCharsets.UTF_8);
        assertThat(text.strip()).startsWith("GNU GENERAL PUBLIC LICENSE").contains("Version 3, 29 June 2007")
                .contains("TERMS AND CONDITIONS").contains("15. Disclaimer of Warranty.")
                .contains("END OF TERMS AND CONDITIONS").contains("How to Apply These Terms to Your New Programs");
        assertThat(text.lines().count()).as("the full text, not a summary").isGreaterThan(600);
    }

    @Test
    void noticeNamesTheGeoNamesLicenceAndItsNoticeFile() throws IOException {
        String notice = Files.readString(ROOT.resolve("NOTICE"), StandardCharsets.UTF_8);
        assertThat(notice).contains("GPL-3.0-or-later").contains("GeoNames").contains("CC BY 4.0")
                .contains("places.NOTICE");
        Path places = ROOT.resolve("faultline-coding/src/main/resources/org/faultline/coding/kb");
        assertThat(notice).contains(ROOT.relativize(places.resolve("places.tsv")).toString().replace('\\', '/'));
        assertThat(places.resolve("places.NOTICE")).exists();
        assertThat(Files.readString(places.resolve("places.NOTICE"), StandardCharsets.UTF_8)).contains("CC BY 4.0");
    }
}
