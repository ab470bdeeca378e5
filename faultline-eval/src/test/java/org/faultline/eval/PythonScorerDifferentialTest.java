package org.faultline.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java scorer against the reference Python scorer on seeded random gold and prediction files: the
 * type, tuple and dyad figures, recall by type and the counts must be equal, not merely close. Skipped
 * where {@code python3} or {@code shared/tools/score_events.py} is absent.
 */
class PythonScorerDifferentialTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"AGREE", "CONSULT", "PROTEST", "ASSAULT", "COERCE", "REQUEST", "AID",
        "FIGHT"};
    private static final String[] CODES = {"HUN", "ROU", "USA", "usa", " rus ", "RUSGOV", "JAP", "JPN", "ITL",
        "ITA", "UNO", "EUR", "EUN", "NTO", "IGO", "FRA", "fRaNcE", "", "   "};

    private static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void locateScript() {
        script = Stream.of("../../shared/tools/score_events.py", "../shared/tools/score_events.py")
                .map(Path::of).filter(Files::isRegularFile).findFirst().map(Path::toAbsolutePath).orElse(null);
    }

    @Test
    void randomFilesScoreExactlyAsThePythonScorer() throws Exception {
        assumeReferenceAvailable();
        for (int seed = 1; seed <= 60; seed++) {
            Random rnd = new Random(seed);
            List<ObjectNode> gold = randomGold(rnd);
            Path goldFile = writeLines("gold-" + seed + ".jsonl", gold.stream().map(ObjectNode::toString).toList());
            Path predFile = writeLines("pred-" + seed + ".jsonl", randomPredictions(rnd, gold));
            compare(goldFile, predFile, "seed " + seed);
        }
    }

    @Test
    void developmentGoldSetsScoreExactlyAsThePythonScorer() throws Exception {
        assumeReferenceAvailable();
        Path eval = script.getParent().getParent().resolve("eval");
        List<Path> golds;
        try (Stream<Path> files = Files.exists(eval) ? Files.walk(eval, 2) : Stream.empty()) {
            golds = files.filter(p -> p.getFileName().toString().endsWith(".gold.jsonl")).sorted().toList();
        }
        assumeTrue(!golds.isEmpty(), "no *.gold.jsonl under " + eval);
        int seed = 100;
        for (Path goldFile : golds) {
            Random rnd = new Random(seed++);
            List<ObjectNode> gold = new ArrayList<>();
            for (String line : Files.readAllLines(goldFile, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    gold.add((ObjectNode) JSON.readTree(line));
                }
            }
            Path predFile = writeLines("pred-" + goldFile.getParent().getFileName() + ".jsonl",
                    randomPredictions(rnd, gold));
            compare(goldFile, predFile, goldFile.toString());
        }
    }

    private void compare(Path goldFile, Path predFile, String what) throws Exception {
        JsonNode python = runPython(goldFile, predFile);
        ScoreReport java = Scorer.score(GoldSet.load(goldFile), PredictionReader.read(predFile));
        for (Map.Entry<String, Prf> level : java.levels().entrySet()) {
            JsonNode p = python.get(level.getKey());
            Prf j = level.getValue();
            assertThat(new Prf(p.get("precision").doubleValue(), p.get("recall").doubleValue(),
                    p.get("f1").doubleValue(), p.get("predicted").intValue(), p.get("gold").intValue()))
                    .as("%s level of %s", level.getKey(), what).isEqualTo(j);
        }
        List<String> labels = new ArrayList<>();
        python.get("recall_by_type").fieldNames().forEachRemaining(labels::add);
        assertThat(java.recallByType().keySet()).as("recall_by_type labels of %s", what).containsExactlyElementsOf(labels);
        for (String label : labels) {
            assertThat(java.recallByType().get(label)).as("recall of %s in %s", label, what)
                    .isEqualTo(python.get("recall_by_type").get(label).doubleValue());
        }
        assertThat(java.docs()).as("docs of %s", what).isEqualTo(python.get("docs").intValue());
        assertThat(java.docsWithPrediction()).as("docs_with_prediction of %s", what)
                .isEqualTo(python.get("docs_with_prediction").intValue());
        assertThat(java.unparseablePredictionLines()).as("unparseable lines of %s", what)
                .isEqualTo(python.get("unparseable_prediction_lines").intValue());
        // Our JSON text, read back as any client would, holds the Python output's keys and values.
        JsonNode ours = JSON.readTree(java.toJson());
        for (Iterator<String> keys = python.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            assertThat(ours.get(key)).as("JSON key %s of %s", key, what).isEqualTo(python.get(key));
        }
    }

    private JsonNode runPython(Path gold, Path pred) throws Exception {
        Path out = dir.resolve("python-out.json");
        Path err = dir.resolve("python-err.txt");
        Process proc = new ProcessBuilder("python3", script.toString(), gold.toString(), pred.toString(), "--json")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(proc.waitFor(60, TimeUnit.SECONDS)).as("python scorer finished").isTrue();
        assertThat(proc.exitValue()).as("python scorer exit; stderr: %s", Files.readString(err)).isZero();
        return JSON.readTree(out.toFile());
    }

    private static void assumeReferenceAvailable() {
        assumeTrue(script != null, "shared/tools/score_events.py not found next to the repository");
        assumeTrue(pythonAvailable(), "python3 not on PATH");
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path writeLines(String name, List<String> lines) throws IOException {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static List<ObjectNode> randomGold(Random rnd) {
        List<ObjectNode> docs = new ArrayList<>();
        int n = 1 + rnd.nextInt(15);
        for (int i = 0; i < n; i++) {
            ObjectNode d = JSON.createObjectNode();
            d.put("id", i > 0 && rnd.nextInt(10) == 0 ? "d" + rnd.nextInt(i) : "d" + i);
            d.put("date", "2000-01-01");
            d.put("text", "Sentence " + i + " about something.");
            if (rnd.nextInt(10) > 0) {
                ArrayNode events = d.putArray("events");
                int k = rnd.nextInt(4);
                for (int e = 0; e < k; e++) {
                    events.add(randomGoldEvent(rnd));
                }
            }
            docs.add(d);
        }
        return docs;
    }

    private static ObjectNode randomGoldEvent(Random rnd) {
        ObjectNode e = JSON.createObjectNode();
        int shape = rnd.nextInt(20);
        if (shape < 14) {
            e.put("event_type", pick(rnd, TYPES));
        } else if (shape < 19) {
            ArrayNode types = e.putArray("event_type");
            int k = 1 + rnd.nextInt(3);
            for (int i = 0; i < k; i++) {
                types.add(pick(rnd, TYPES));
            }
        } else {
            e.putArray("event_type");
        }
        putEntities(rnd, e, "actor", 1);
        putEntities(rnd, e, "recipient", 3);
        switch (rnd.nextInt(6)) {
            case 0 -> e.put("symmetric", true);
            case 1 -> e.put("symmetric", false);
            case 2 -> e.put("symmetric", 1);
            case 3 -> e.put("symmetric", 0);
            default -> { }
        }
        return e;
    }

    /** An actor or recipient field in one of the shapes gold and coder files use. */
    private static void putEntities(Random rnd, ObjectNode e, String field, int emptyWeight) {
        int shape = rnd.nextInt(10 + emptyWeight);
        if (shape >= 10) {
            if (rnd.nextBoolean()) {
                e.putNull(field);
            } else if (rnd.nextBoolean()) {
                e.putArray(field);
            }
            return;
        }
        if (shape == 0) {
            e.set(field, randomEntity(rnd));
            return;
        }
        ArrayNode list = e.putArray(field);
        int k = 1 + rnd.nextInt(3);
        for (int i = 0; i < k; i++) {
            list.add(randomEntity(rnd));
        }
    }

    private static ObjectNode randomEntity(Random rnd) {
        ObjectNode x = JSON.createObjectNode();
        String code = pick(rnd, CODES);
        switch (rnd.nextInt(8)) {
            case 0 -> x.put("country", code);
            case 1 -> {
                x.put("code", "");
                x.put("country", code);
            }
            case 2 -> {
                x.putNull("code");
                x.put("country", code);
            }
            case 3 -> x.put("sector", "GOV");
            default -> {
                x.put("code", code);
                x.put("sector", rnd.nextBoolean() ? "GOV" : null);
            }
        }
        return x;
    }

    /** Predictions near the gold (copied, swapped, merged, perturbed), plus noise the scorer must skip. */
    private static List<String> randomPredictions(Random rnd, List<ObjectNode> gold) {
        List<String> lines = new ArrayList<>();
        for (ObjectNode d : gold) {
            String id = d.get("id").textValue();
            List<JsonNode> events = new ArrayList<>();
            Optional.ofNullable(d.get("events")).ifPresent(ev -> ev.forEach(events::add));
            int k = rnd.nextInt(4) + (events.isEmpty() ? 0 : 1);
            for (int i = 0; i < k; i++) {
                ObjectNode p = events.isEmpty() || rnd.nextInt(4) == 0
                        ? randomPrediction(rnd, id) : fromGold(rnd, id, events.get(rnd.nextInt(events.size())));
                addNoise(rnd, p);
                String line = p.toString();
                lines.add(line);
                if (rnd.nextInt(6) == 0) {
                    lines.add(line);
                }
            }
            if (rnd.nextInt(8) == 0) {
                lines.add(randomPrediction(rnd, "unknown-" + id).toString());
            }
            switch (rnd.nextInt(25)) {
                case 0 -> lines.add("{\"doc_id\": \"" + id + "\", \"event_type\": ");
                case 1 -> lines.add("not json at all");
                case 2 -> lines.add("{\"doc_id\": \"" + id + "\"} {}");
                case 3 -> lines.add("");
                case 4 -> lines.add("{\"doc_id\": \"" + id + "\", \"event_type\": \"AGREE\", \"actor\": [{\"code\": \"HUN\"}],"
                        + " \"score\": NaN}");
                case 5 -> lines.add("{\"doc_id\": \"" + id + "\",}");
                default -> { }
            }
        }
        for (int i = lines.size() - 1; i > 0; i--) {
            if (rnd.nextInt(3) == 0) {
                int j = rnd.nextInt(i + 1);
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
        }
        return lines;
    }

    private static ObjectNode fromGold(Random rnd, String id, JsonNode g) {
        ObjectNode p = JSON.createObjectNode();
        p.put("doc_id", id);
        JsonNode t = g.get("event_type");
        if (t.isArray()) {
            p.put("event_type", t.isEmpty() ? pick(rnd, TYPES) : t.get(rnd.nextInt(t.size())).textValue());
        } else {
            p.put("event_type", rnd.nextInt(5) == 0 ? pick(rnd, TYPES) : t.textValue());
        }
        JsonNode actor = g.get("actor");
        JsonNode recipient = g.get("recipient");
        switch (rnd.nextInt(6)) {
            case 0 -> {
                copy(p, "actor", recipient);
                copy(p, "recipient", actor);
            }
            case 1 -> {
                ArrayNode all = p.putArray("actor");
                for (JsonNode side : new JsonNode[] {actor, recipient}) {
                    if (side != null && side.isArray()) {
                        all.addAll((ArrayNode) side);
                    } else if (side != null && side.isObject()) {
                        all.add(side);
                    }
                }
                p.putArray("recipient");
            }
            case 2 -> {
                copy(p, "actor", actor);
                putEntities(rnd, p, "recipient", 2);
            }
            default -> {
                copy(p, "actor", actor);
                copy(p, "recipient", recipient);
            }
        }
        return p;
    }

    private static void copy(ObjectNode p, String field, JsonNode value) {
        if (value != null) {
            p.set(field, value.deepCopy());
        }
    }

    private static ObjectNode randomPrediction(Random rnd, String id) {
        ObjectNode p = JSON.createObjectNode();
        switch (rnd.nextInt(20)) {
            case 0 -> { }
            case 1 -> p.putNull("doc_id");
            default -> p.put("doc_id", id);
        }
        switch (rnd.nextInt(20)) {
            case 0 -> { }
            case 1 -> p.putNull("event_type");
            default -> p.put("event_type", pick(rnd, TYPES));
        }
        putEntities(rnd, p, "actor", 1);
        putEntities(rnd, p, "recipient", 4);
        return p;
    }

    private static void addNoise(Random rnd, ObjectNode p) {
        switch (rnd.nextInt(12)) {
            case 0 -> p.put("negated", true);
            case 1 -> p.put("negated", "yes");
            case 2 -> p.put("negated", 0);
            case 3 -> p.put("negated", "");
            case 4 -> p.put("modality", "refused");
            case 5 -> p.put("modality", "negated");
            case 6 -> p.put("modality", "future");
            case 7 -> p.put("negated", false);
            default -> p.put("modality", "asserted");
        }
        if (rnd.nextBoolean()) {
            p.put("id", "ev-" + rnd.nextInt(1000));
        }
    }

    private static String pick(Random rnd, String[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
