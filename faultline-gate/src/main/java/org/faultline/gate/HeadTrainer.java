package org.faultline.gate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.faultline.model.EventType;

/**
 * Trains the {@link RelevanceHead} from the bundled training files: L2-regularised logistic regression by full-batch
 * gradient descent from zero weights (no random start, no shuffling: the same embeddings give the same weights),
 * classes weighted to count equally, and the mean embedding of each type. Rebuild the shipped head with
 * {@value #REBUILD}.
 */
public final class HeadTrainer {
    /** The training files, under {@code faultline-gate/src/main/resources/org/faultline/gate/}. */
    public static final List<String> FILES = List.of("train/events.tsv", "train/no-events.tsv");
    public static final String NAME = "relevance-head.v2";
    public static final String REBUILD = "mvn -q -B -o -pl faultline-cli -am package -DskipTests && java -jar "
            + "faultline-cli/target/faultline.jar gate train faultline-gate/src/main/resources/org/faultline/gate";
    static final double L2 = 1e-3;
    static final double LEARNING_RATE = 4.0;
    static final int ITERATIONS = 3000;

    private HeadTrainer() {
    }

    /** Trains a head on these sentences with this encoder; {@code threshold} is recorded as the default. */
    public static RelevanceHead train(TrainingSet set, SentenceEncoder encoder, double threshold) {
        List<TrainingSet.Example> ex = set.examples();
        return train(set, ex, encoder.embedAll(ex.stream().map(TrainingSet.Example::text).toList()), encoder.version(),
                threshold);
    }

    /**
     * Out-of-fold probabilities: the examples are dealt into {@code folds} folds by position (example i into fold
     * i mod folds: no randomness), a head is trained on all folds but one and scores the one left out. What the
     * threshold is chosen on: the training sentences only, never a development set.
     *
     * @return each example's probability from the head that did not see it, in file order
     */
    public static double[] crossValidated(TrainingSet set, SentenceEncoder encoder, int folds) {
        List<TrainingSet.Example> ex = set.examples();
        List<float[]> x = encoder.embedAll(ex.stream().map(TrainingSet.Example::text).toList());
        double[] out = new double[ex.size()];
        for (int f = 0; f < folds; f++) {
            List<TrainingSet.Example> trainEx = new java.util.ArrayList<>();
            List<float[]> trainX = new java.util.ArrayList<>();
            for (int i = 0; i < ex.size(); i++) {
                if (i % folds != f) {
                    trainEx.add(ex.get(i));
                    trainX.add(x.get(i));
                }
            }
            RelevanceHead h = train(set, trainEx, trainX, encoder.version(), 0.5);
            for (int i = f; i < ex.size(); i += folds) {
                out[i] = h.probability(x.get(i));
            }
        }
        return out;
    }

    /**
     * The highest threshold (in steps of 0.01, from 0.05 to 0.5) at which the out-of-fold recall of the event
     * sentences is at least {@code recall}: the gate is there to save parses, but a sentence it refuses is an
     * event lost for good, so recall is fixed first and the threshold follows from it.
     */
    public static double calibrate(TrainingSet set, double[] outOfFold, double recall) {
        List<TrainingSet.Example> ex = set.examples();
        double best = 0.05;
        for (int k = 5; k <= 50; k++) {
            double t = k / 100.0;
            int events = 0;
            int kept = 0;
            for (int i = 0; i < ex.size(); i++) {
                if (ex.get(i).event()) {
                    events++;
                    kept += outOfFold[i] >= t ? 1 : 0;
                }
            }
            if (kept >= recall * events) {
                best = t;
            }
        }
        return best;
    }

    private static RelevanceHead train(TrainingSet set, List<TrainingSet.Example> ex, List<float[]> x,
                                       String encoderVersion, double threshold) {
        int n = ex.size();
        int d = SentenceEncoder.DIMENSION;
        int positives = (int) ex.stream().filter(TrainingSet.Example::event).count();
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("training needs event and no-event sentences; got " + positives
                    + " events of " + n);
        }
        double wPos = n / (2.0 * positives);
        double wNeg = n / (2.0 * (n - positives));
        double[] w = new double[d];
        double b = 0;
        double[] grad = new double[d];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(grad, 0);
            double gb = 0;
            for (int i = 0; i < n; i++) {
                float[] xi = x.get(i);
                double z = b;
                for (int j = 0; j < d; j++) {
                    z += w[j] * xi[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                boolean y = ex.get(i).event();
                double r = (p - (y ? 1 : 0)) * (y ? wPos : wNeg);
                for (int j = 0; j < d; j++) {
                    grad[j] += r * xi[j];
                }
                gb += r;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= LEARNING_RATE * (grad[j] / n + L2 * w[j]);
            }
            b -= LEARNING_RATE * gb / n;
        }
        Map<EventType, float[]> types = new EnumMap<>(EventType.class);
        Map<EventType, double[]> sums = new EnumMap<>(EventType.class);
        for (int i = 0; i < n; i++) {
            EventType t = ex.get(i).type();
            if (t != null) {
                double[] s = sums.computeIfAbsent(t, k -> new double[d]);
                for (int j = 0; j < d; j++) {
                    s[j] += x.get(i)[j];
                }
            }
        }
        sums.forEach((t, s) -> types.put(t, unit(s)));
        RelevanceHead.Provenance prov = new RelevanceHead.Provenance(set.files(), positives, n - positives, L2,
                LEARNING_RATE, ITERATIONS, REBUILD);
        return new RelevanceHead(NAME, encoderVersion, threshold, round(b), round(w), types, prov);
    }

    /** Weights rounded to 6 significant decimals: the file stays readable and small float noise does not show. */
    private static double[] round(double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = round(w[i]);
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static float[] unit(double[] s) {
        double norm = 0;
        for (double v : s) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = (float) (Math.round(s[i] / norm * 1e6) / 1e6);
        }
        return out;
    }
}
