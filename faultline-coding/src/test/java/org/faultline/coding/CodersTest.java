package org.faultline.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faultline.coding.kb.KbOverlay;
import org.faultline.coding.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry point's knowledge base comes from one place: the overlay the environment names is laid over. */
class CodersTest {
    @TempDir
    Path overlay;

    @Test
    void theEnvironmentsOverlayIsLaidOverTheBundledKnowledgeBase() throws IOException {
        // a made-up French president from 2027
        Files.writeString(overlay.resolve("leaders.tsv"), "id\tperson\tnames\tcountry\toffice\tsector\tstart\tend\tleader\n"
                + "office:FRA:president:ardent-2027\tCamille Ardent\tCamille Ardent|Ardent\tFRA\tpresident\tGOV\t"
                + "2027-05-14\t\tyes\n", StandardCharsets.UTF_8);
        KnowledgeBase bundled = Coders.knowledgeBase(Map.of());
        KnowledgeBase fromEnv = Coders.knowledgeBase(Map.of(KbOverlay.ENV, overlay.toString()));
        KnowledgeBase fromOption = Coders.knowledgeBase(Optional.of(overlay), List.of());

        assertThat(bundled.entry("office:FRA:president:ardent-2027")).isNull();
        assertThat(fromEnv.entry("office:FRA:president:ardent-2027")).isNotNull();
        assertThat(fromEnv.entry("office:FRA:president:ardent-2027"))
                .isEqualTo(fromOption.entry("office:FRA:president:ardent-2027"));
        assertThat(fromEnv.size()).isEqualTo(fromOption.size()).isGreaterThan(bundled.size());
    }
}
