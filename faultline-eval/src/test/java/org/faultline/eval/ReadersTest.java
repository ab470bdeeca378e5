package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void goldReadsStringOrListTypesEntitiesAndLaterDuplicates() throws IOException {
        Path file = write("gold.jsonl",
                "{\"id\": \"a\", \"text\": \"x\", \"events\": [{\"event_type\": \"AGREE\", \"actor\": [{\"code\": \"JAP\"}],"
                        + " \"recipient\": {\"code\": \"\", \"country\": \"rou\"}}]}",
                "   ",
                "{\"id\": \"b\"}",
                "{\"id\": \"a\", \"events\": [{\"event_type\": [\"PROTEST\", \"ASSAULT\"], \"actor\": [{\"code\": null,"
                        + " \"country\": \"FRA\"}, {\"sector\": \"GOV\"}], \"recipient\": null, \"symmetric\": 1}]}");

        GoldSet gold = GoldSet.load(file);

        assertThat(gold.documents()).extracting(GoldDocument::id).containsExactly("a", "b");
        assertThat(gold.document("a").orElseThrow()).isEqualTo(new GoldDocument("a", null, null, List.of(
                new GoldEvent(new TreeSet<>(Set.of("ASSAULT", "PROTEST")), new TreeSet<>(Set.of("FRA")),
                        new TreeSet<>(), true)), 4));
        assertThat(gold.document("b").orElseThrow().events()).isEmpty();
        assertThat(gold.warnings()).singleElement().asString().contains("gold.jsonl:4").contains("appears twice");
        assertThat(gold.source()).contains(file);
    }

    @Test
    void goldErrorsNameFileAndLine() throws IOException {
        Path bad = write("bad.jsonl", "{\"id\": \"a\"}", "{\"id\": \"b\", \"events\": [{\"actor\": []}]}");
        assertThatThrownBy(() -> GoldSet.load(bad)).isInstanceOf(GoldFormatException.class)
                .hasMessageStartingWith(bad + ":2: ").hasMessageContaining("event_type");

        Path noId = write("noid.jsonl", "{\"events\": []}");
        assertThatThrownBy(() -> GoldSet.load(noId)).hasMessageStartingWith(noId + ":1: ").hasMessageContaining("\"id\"");

        Path notJson = write("notjson.jsonl", "", "{\"id\": ");
        assertThatThrownBy(() -> GoldSet.load(notJson)).isInstanceOf(GoldFormatException.class)
                .hasMessageStartingWith(notJson + ":2: not valid JSON")
                .satisfies(e -> assertThat(((GoldFormatException) e).line()).isEqualTo(2));

        Path stringActor = write("actor.jsonl", "{\"id\": \"a\", \"events\": [{\"event_type\": \"AGREE\", \"actor\": \"HUN\"}]}");
        assertThatThrownBy(() -> GoldSet.load(stringActor)).hasMessageContaining(":1: ").hasMessageContaining("actor");
    }

    @Test
    void predictionReaderCountsUnparseableLinesAndKeepsTheRest() throws IOException {
        PredictionBatch batch = PredictionReader.read(new StringReader(String.join("\n",
                "{\"doc_id\": \"a\", \"event_type\": \"AGREE\", \"actor\": [{\"code\": \"hun\"}], \"recipient\": [],"
                        + " \"negated\": false, \"modality\": \"asserted\", \"goldstein\": NaN}",
                "",
                "{\"doc_id\": \"a\",}",
                "{} {}",
                "[1, 2]",
                "{\"doc_id\": \"b\", \"negated\": \"yes\"}")));

        assertThat(batch.predictions()).containsExactly(
                new Prediction("a", "AGREE", new TreeSet<>(Set.of("HUN")), new TreeSet<>(), false, "asserted"),
                new Prediction("b", null, new TreeSet<>(), new TreeSet<>(), true, null));
        assertThat(batch.unparseable()).extracting(UnparseableLine::line).containsExactly(3, 4, 5);
    }

    @Test
    void predictionFromJsonNodeReadsCoderFields() throws IOException {
        JsonNode node = PyJson.MAPPER.readTree("{\"doc_id\": \"d\", \"event_type\": \"COERCE\", \"actor\": {\"code\": \"EUN\"},"
                + " \"recipient\": [{\"code\": \"RUSGOV\"}, {\"country\": \"UKR\"}, \"junk\"], \"negated\": 0, \"modality\": \"refused\"}");
        Prediction p = Prediction.fromJson(node);
        assertThat(p).isEqualTo(new Prediction("d", "COERCE", new TreeSet<>(Set.of("IGO")),
                new TreeSet<>(Set.of("RUS", "UKR")), false, "refused"));
        assertThat(p.counted()).isFalse();
        assertThatThrownBy(() -> Prediction.fromJson(PyJson.MAPPER.readTree("[]")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARRAY");
    }
}
