package org.faultline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the coder's JSON Lines output, one event per line. A line that is not valid JSON (as Python's
 * {@code json.loads} judges it) or not a JSON object is recorded as an {@link UnparseableLine}; blank lines
 * are skipped. Stateless and thread-safe.
 */
public final class PredictionReader {
    private PredictionReader() {
    }

    /** @throws IOException when the file cannot be read or is not UTF-8 */
    public static PredictionBatch read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in);
        }
    }

    /** Reads lines until the end of {@code in}; does not close it. */
    public static PredictionBatch read(Reader in) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        List<Prediction> predictions = new ArrayList<>();
        List<UnparseableLine> bad = new ArrayList<>();
        int lineNo = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (PyText.isBlank(line)) {
                continue;
            }
            JsonNode node;
            try {
                node = PyJson.parse(line);
            } catch (JsonProcessingException e) {
                bad.add(new UnparseableLine(lineNo, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                bad.add(new UnparseableLine(lineNo, "not a JSON object but " + node.getNodeType()));
                continue;
            }
            predictions.add(Prediction.fromJson(node));
        }
        return new PredictionBatch(predictions, bad);
    }
}
