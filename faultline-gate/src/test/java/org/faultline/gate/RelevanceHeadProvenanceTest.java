package org.faultline.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.faultline.model.EventType;
import org.junit.jupiter.api.Test;

/**
 * The shipped head is what its provenance record says: trained on these exact files with this encoder, and the
 * documented rebuild gives it back (training is deterministic).
 */
class RelevanceHeadProvenanceTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/faultline/gate");

    @Test
    void theRecordNamesTheTrainingFilesAsTheyAreAndTheEncoderOnTheClassPath() throws IOException {
        RelevanceHead head = GateFixture.HEAD;
        TrainingSet set = TrainingSet.read(RESOURCES, HeadTrainer.FILES);
        assertThat(head.provenance().files()).isEqualTo(set.files());
        assertThat(head.encoder()).isEqualTo(GateFixture.ENCODER.version());
        assertThat(head.provenance().rebuild()).isEqualTo(HeadTrainer.REBUILD);
        long events = set.examples().stream().filter(TrainingSet.Example::event).count();
        assertThat(head.provenance().events()).isEqualTo(events);
        assertThat(head.provenance().noEvents()).isEqualTo(set.examples().size() - events);
        assertThat(head.provenance().noEvents()).as("no-event sentences").isGreaterThanOrEqualTo(200);
        assertThat(head.types().keySet()).containsExactly(EventType.values());
    }

    @Test
    void retrainingFromTheRecordedFilesGivesTheShippedHead() throws IOException {
        RelevanceHead shipped = GateFixture.HEAD;
        RelevanceHead again = HeadTrainer.train(TrainingSet.read(RESOURCES, HeadTrainer.FILES), GateFixture.ENCODER,
                shipped.threshold());
        assertThat(again.name()).isEqualTo(shipped.name());
        assertThat(again.provenance()).isEqualTo(shipped.provenance());
        // ONNX Runtime may round differently on another CPU or under another load (its thread pool sums in another
        // order), and training amplifies that float noise a little: equal in direction and close in size, not bit
        // for bit. A different training file or encoder moves the weights far more than this (cosine well below 0.999).
        assertThat(again.bias()).isCloseTo(shipped.bias(), within(1e-2));
        double[] a = again.weights();
        double[] b = shipped.weights();
        assertThat(a).hasSameSizeAs(b);
        assertThat(SentenceEncoder.cosine(toFloats(a), toFloats(b))).as("weight vector").isGreaterThan(0.9999);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("weight %d", i).isCloseTo(b[i], within(1e-2));
        }
        for (EventType t : EventType.values()) {
            assertThat(SentenceEncoder.cosine(again.types().get(t), shipped.types().get(t))).as(t.name())
                    .isGreaterThan(0.9999);
        }
    }

    @Test
    void theWeightComparisonTellsADifferentTrainingSetApart() throws IOException {
        // the tolerances above must still catch a head trained on other sentences: leave out one example in 20
        TrainingSet full = TrainingSet.read(RESOURCES, HeadTrainer.FILES);
        List<TrainingSet.Example> fewer = new ArrayList<>();
        for (int i = 0; i < full.examples().size(); i++) {
            if (i % 20 != 7) {
                fewer.add(full.examples().get(i));
            }
        }
        RelevanceHead shipped = GateFixture.HEAD;
        RelevanceHead other = HeadTrainer.train(new TrainingSet(full.files(), fewer), GateFixture.ENCODER,
                shipped.threshold());
        double[] a = other.weights();
        double[] b = shipped.weights();
        int far = 0;
        for (int i = 0; i < a.length; i++) {
            far += Math.abs(a[i] - b[i]) > 1e-2 ? 1 : 0;
        }
        assertThat(far).as("weights further apart than the tolerance").isGreaterThan(0);
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void theResourceReadsBackToItself() throws IOException {
        try (InputStream in = new java.io.ByteArrayInputStream(GateFixture.HEAD.toJson().getBytes(
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(RelevanceHead.read(in).toJson()).isEqualTo(GateFixture.HEAD.toJson());
        }
    }

    @Test
    void aBadTrainingLineIsNamedByFileAndLine() throws IOException {
        Path dir = java.nio.file.Files.createTempDirectory("gate-train");
        java.nio.file.Files.writeString(dir.resolve("a.tsv"), "# comment\nASSAULT\tTroops shelled the town.\n"
                + "BATTLE\tTroops shelled the town again.\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingSet.read(dir, List.of("a.tsv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a.tsv:3: label 'BATTLE' is neither NONE nor a PLOVER type");
        java.nio.file.Files.writeString(dir.resolve("b.tsv"), "NONE Rain fell.\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainingSet.read(dir, List.of("b.tsv")))
                .hasMessage("b.tsv:1: expected LABEL<TAB>sentence, got 'NONE Rain fell.'");
        List<String> none = new ArrayList<>();
        TrainingSet ok = TrainingSet.read(dir, List.of("a.tsv").subList(0, 0));
        assertThat(ok.examples()).isEqualTo(none);
    }
}
