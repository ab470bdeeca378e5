package org.faultline.gate;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A speed probe, not a test: would running the gate's encoder on a document's sentences in one padded batch, instead
 * of one sentence at a time as {@link SentenceEncoder} does, pay? It embeds the same sentences both ways in one
 * one-thread ONNX session each and prints sentences per second and the lowest cosine between the two embeddings of a
 * sentence (1.0 would mean the batch changes nothing). Figures in BENCHMARKS.md ("Where the gate's time goes").
 *
 * <pre>
 * mvn -q -B -DskipTests install &amp;&amp; mvn -q -B test-compile -pl faultline-gate
 * java -cp faultline-cli/target/faultline.jar:faultline-gate/target/test-classes \
 *     org.faultline.gate.EncoderBatchProbe ../shared/corpora/reuters21578.docs.jsonl 800 16
 * </pre>
 */
public final class EncoderBatchProbe {
    private EncoderBatchProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EncoderBatchProbe DOCS.jsonl SENTENCES BATCH");
            System.exit(2);
        }
        List<String> sentences = sentences(Path.of(args[0]), Integer.parseInt(args[1]));
        int batch = Integer.parseInt(args[2]);
        SentenceEncoder single = new SentenceEncoder();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        try (InputStream model = EncoderBatchProbe.class.getResourceAsStream("/all-minilm-l6-v2-q.onnx");
             InputStream vocab = EncoderBatchProbe.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
             OrtSession session = env.createSession(model.readAllBytes(), options);
             HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(vocab,
                     Map.of("padding", "false", "truncation", "true", "maxLength", "512"))) {
            System.out.printf(Locale.ROOT, "%d sentences, batch %d%n", sentences.size(), batch);
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                List<float[]> one = single.embedAll(sentences);
                long t1 = System.nanoTime();
                float[][] batched = batched(sentences, batch, tokenizer, env, session);
                long t2 = System.nanoTime();
                double lowest = 1;
                for (int i = 0; i < sentences.size(); i++) {
                    lowest = Math.min(lowest, SentenceEncoder.cosine(one.get(i), batched[i]));
                }
                System.out.printf(Locale.ROOT, "round %d: one at a time %.0f sentences/s, batched %.0f sentences/s, "
                                + "lowest cosine %.4f%n", round, sentences.size() / ((t1 - t0) / 1e9),
                        sentences.size() / ((t2 - t1) / 1e9), lowest);
            }
        }
    }

    /** The first {@code limit} sentences (naively split, 30 to 600 characters) of the documents' texts. */
    private static List<String> sentences(Path docs, int limit) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(docs)) {
            for (String line = in.readLine(); line != null && out.size() < limit; line = in.readLine()) {
                JsonNode text = json.readTree(line).get("text");
                if (text == null) {
                    continue;
                }
                for (String s : text.asText().replace('\n', ' ').split("(?<=[.!?]) +")) {
                    if (s.length() >= 30 && s.length() <= 600 && out.size() < limit) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** Mean-pooled, unit-length embeddings, sentences of similar length batched together with attention masks. */
    private static float[][] batched(List<String> sentences, int batch, HuggingFaceTokenizer tokenizer,
                                     OrtEnvironment env, OrtSession session) throws OrtException {
        int n = sentences.size();
        long[][] ids = new long[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            Encoding e = tokenizer.encode(sentences.get(i));
            ids[i] = e.getIds();
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            int len = 0;
            for (int k = 0; k < m; k++) {
                len = Math.max(len, ids[order[from + k]].length);
            }
            long[] input = new long[m * len];
            long[] mask = new long[m * len];
            for (int k = 0; k < m; k++) {
                long[] x = ids[order[from + k]];
                System.arraycopy(x, 0, input, k * len, x.length);
                Arrays.fill(mask, k * len, k * len + x.length, 1L);
            }
            long[] shape = {m, len};
            try (OnnxTensor ti = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
                 OnnxTensor tm = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                 OnnxTensor tt = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[m * len]), shape);
                 OrtSession.Result r = session.run(Map.of("input_ids", ti, "attention_mask", tm, "token_type_ids", tt))) {
                float[][][] hidden = (float[][][]) r.get(0).getValue();
                for (int k = 0; k < m; k++) {
                    int tokens = ids[order[from + k]].length;
                    float[] v = new float[hidden[k][0].length];
                    for (int j = 0; j < tokens; j++) {
                        for (int d = 0; d < v.length; d++) {
                            v[d] += hidden[k][j][d];
                        }
                    }
                    out[order[from + k]] = SentenceEncoder.unit(v);
                }
            }
        }
        return out;
    }
}
