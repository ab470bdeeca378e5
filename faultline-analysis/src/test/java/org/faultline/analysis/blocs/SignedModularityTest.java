package org.faultline.analysis.blocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.junit.jupiter.api.Test;

/**
 * The optimiser against the exhaustive optimum: every partition of seeded random signed graphs of up to nine
 * nodes, scored by a naive transcription of the formula of Gómez, Jensen and Arenas.
 */
class SignedModularityTest {
    private static final double TOLERANCE = 1e-9;
    private static final int GRAPHS = 500;

    /** A random signed graph: {@code {i, j, cooperation, conflict}} per pair with a tie. */
    private static List<long[]> randomGraph(Random r, int n) {
        List<long[]> edges = new ArrayList<>();
        double density = 0.3 + 0.6 * r.nextDouble();
        // half the graphs hide two or three blocs (cooperation within, conflict between, some noise)
        int planted = r.nextBoolean() ? 2 + r.nextInt(2) : 0;
        int[] side = new int[n];
        for (int i = 0; i < n; i++) {
            side[i] = planted == 0 ? 0 : r.nextInt(planted);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() >= density) {
                    continue;
                }
                long cooperation;
                long conflict;
                if (planted > 0 && r.nextDouble() < 0.8) {
                    boolean same = side[i] == side[j];
                    cooperation = same ? 1 + r.nextInt(4) : r.nextInt(2);
                    conflict = same ? r.nextInt(2) : 1 + r.nextInt(4);
                } else {
                    cooperation = r.nextInt(4);
                    conflict = r.nextInt(4);
                }
                if (cooperation + conflict > 0) {
                    edges.add(new long[] {i, j, cooperation, conflict});
                }
            }
        }
        return edges;
    }

    /** Q straight from the definition, with weight matrices; 0 for a graph without weight. */
    private static double naiveQ(int n, List<long[]> edges, int[] bloc) {
        double[][] wPos = new double[n][n];
        double[][] wNeg = new double[n][n];
        for (long[] e : edges) {
            int i = (int) e[0];
            int j = (int) e[1];
            wPos[i][j] += e[2];
            wPos[j][i] += e[2];
            wNeg[i][j] += e[3];
            wNeg[j][i] += e[3];
        }
        double[] kPos = new double[n];
        double[] kNeg = new double[n];
        double twoPos = 0;
        double twoNeg = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                kPos[i] += wPos[i][j];
                kNeg[i] += wNeg[i][j];
            }
            twoPos += kPos[i];
            twoNeg += kNeg[i];
        }
        if (twoPos + twoNeg == 0) {
            return 0;
        }
        double qPos = 0;
        double qNeg = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (bloc[i] != bloc[j]) {
                    continue;
                }
                if (twoPos > 0) {
                    qPos += (wPos[i][j] - kPos[i] * kPos[j] / twoPos) / twoPos;
                }
                if (twoNeg > 0) {
                    qNeg += (wNeg[i][j] - kNeg[i] * kNeg[j] / twoNeg) / twoNeg;
                }
            }
        }
        return (twoPos * qPos - twoNeg * qNeg) / (twoPos + twoNeg);
    }

    /** The largest Q over all partitions (restricted growth strings). */
    private static double exhaustiveBest(int n, List<long[]> edges) {
        return best(n, edges, new int[n], 0, 0);
    }

    private static double best(int n, List<long[]> edges, int[] bloc, int next, int used) {
        if (next == n) {
            return naiveQ(n, edges, bloc);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 0; c <= used && c < n; c++) {
            bloc[next] = c;
            best = Math.max(best, best(n, edges, bloc, next + 1, Math.max(used, c + 1)));
        }
        return best;
    }

    @Test
    void reachesTheExhaustiveOptimumOnSmallRandomGraphs() {
        List<String> missed = new ArrayList<>();
        int beatsOld = 0;
        for (int seed = 1; seed <= GRAPHS; seed++) {
            Random r = new Random(seed);
            int n = 2 + seed % 8;
            List<long[]> edges = randomGraph(r, n);
            SignedModularity sm = new SignedModularity(n, edges);
            double optimum = exhaustiveBest(n, edges);
            int[] found = sm.optimise();
            double q = naiveQ(n, edges, found);
            assertThat(sm.modularity(found)).as("seed %d: Q of the optimiser = naive Q", seed)
                    .isCloseTo(q, within(TOLERANCE));
            double old = naiveQ(n, edges, sm.localMovesOnly());
            assertThat(q).as("seed %d: never below local moves alone", seed).isGreaterThanOrEqualTo(old - TOLERANCE);
            if (q > old + TOLERANCE) {
                beatsOld++;
            }
            if (q < optimum - TOLERANCE) {
                missed.add("seed " + seed + " (n=" + n + "): " + q + " < " + optimum);
            }
        }
        assertThat(missed).as("graphs where the optimum was missed").isEmpty();
        assertThat(beatsOld).as("graphs where refinement and restarts beat local moves alone").isPositive();
    }

    @Test
    void blocsReachTheOptimumThroughTiesInAnyOrder() {
        for (int seed = 1; seed <= 40; seed++) {
            Random r = new Random(1000 + seed);
            int n = 4 + r.nextInt(6);
            List<long[]> edges = randomGraph(r, n);
            List<Tie> ties = new ArrayList<>();
            for (long[] e : edges) {
                ties.add(new Tie(actor((int) e[0]), actor((int) e[1]), e[2], e[3], 0, 0, 0, Map.of()));
            }
            Blocs blocs = Blocs.of(ties);
            Map<ActorKey, Integer> first = blocs.assignment();
            if (!first.isEmpty()) {
                int[] bloc = new int[n];
                first.forEach((a, b) -> bloc[a.key().charAt(1) - 'A'] = b);
                assertThat(blocs.modularity()).as("seed %d", seed).isCloseTo(naiveQ(n, edges, bloc), within(TOLERANCE))
                        .isCloseTo(exhaustiveBest(n, edges), within(TOLERANCE));
            }
            Collections.shuffle(ties, r);
            assertThat(Blocs.of(ties).assignment()).as("seed %d, ties shuffled", seed).isEqualTo(first);
        }
    }

    @Test
    void twoRunsGiveTheSamePartition() {
        Random r = new Random(7);
        List<long[]> edges = randomGraph(r, 40);
        assertThat(new SignedModularity(40, edges).optimise()).isEqualTo(new SignedModularity(40, edges).optimise());
    }

    @Test
    void emptyAndWeightlessGraphs() {
        assertThat(new SignedModularity(0, List.of()).optimise()).isEmpty();
        SignedModularity three = new SignedModularity(3, List.of());
        assertThat(three.modularity(three.optimise())).isZero();
    }

    private static ActorKey actor(int i) {
        return ActorKey.of("X" + (char) ('A' + i));
    }
}
