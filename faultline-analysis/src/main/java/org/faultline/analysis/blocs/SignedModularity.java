package org.faultline.analysis.blocs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Maximises the signed modularity of Gómez, Jensen and Arenas (see {@link Blocs}) over partitions of a signed
 * graph with integer weights. Each restart refines a starting partition by alternating two moves until neither
 * raises Q: local moving (each node, in the restart's visiting order, goes to the bloc with the largest gain,
 * any bloc on offer, or alone) and merging blocs (the pairs of blocs whose union raises Q, best first, disjoint
 * pairs in one pass: the gain of merging two blocs depends on those two alone). Restart 0 starts from singletons
 * and visits nodes in index order, as the optimiser before restarts did, so the result is never worse than that
 * one. Restart r &gt; 0 draws from {@code new Random(r)} a shuffled visiting order and, by r mod 3, starts from
 * singletons, from the best partition so far with a few nodes kicked into random blocs (which leaves optima that
 * single moves and merges cannot, such as a bloc that should split), or from a random partition. The best Q wins,
 * the earliest restart on ties, so the result is a function of the graph alone.
 *
 * <p>Instances hold the graph and are immutable; the methods allocate their own work arrays, so an instance may be
 * shared between threads. A restart costs O(sweeps · (n² + ties)); the graphs here have hundreds of nodes at most.
 */
final class SignedModularity {
    /** Restarts of {@link #optimise()}: with 32, each of 3,000 seeded random graphs of two to nine nodes reached
     * the exhaustive optimum (SignedModularityTest runs 500 of them on every build). */
    static final int RESTARTS = 32;
    private static final double EPS = 1e-9;
    private static final int MAX_SWEEPS = 200;
    private static final int MAX_ROUNDS = 100;

    private final int n;
    private final int[][] neighbour;
    private final long[][] pos;
    private final long[][] neg;
    private final long[] kPos;
    private final long[] kNeg;
    private final long twoPos;
    private final long twoNeg;

    /**
     * @param n        number of nodes
     * @param edges    one {@code {i, j, cooperation, conflict}} per unordered pair, i ≠ j, weights ≥ 0; a pair
     *                 listed twice counts twice
     */
    SignedModularity(int n, List<long[]> edges) {
        if (n < 0) {
            throw new IllegalArgumentException("negative node count " + n);
        }
        this.n = n;
        List<List<long[]>> adjacency = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacency.add(new ArrayList<>());
        }
        kPos = new long[n];
        kNeg = new long[n];
        for (long[] e : edges) {
            int i = (int) e[0];
            int j = (int) e[1];
            if (i < 0 || j < 0 || i >= n || j >= n || i == j || e[2] < 0 || e[3] < 0) {
                throw new IllegalArgumentException("bad edge " + Arrays.toString(e) + " for " + n + " nodes");
            }
            adjacency.get(i).add(new long[] {j, e[2], e[3]});
            adjacency.get(j).add(new long[] {i, e[2], e[3]});
            kPos[i] += e[2];
            kPos[j] += e[2];
            kNeg[i] += e[3];
            kNeg[j] += e[3];
        }
        neighbour = new int[n][];
        pos = new long[n][];
        neg = new long[n][];
        for (int i = 0; i < n; i++) {
            List<long[]> a = adjacency.get(i);
            neighbour[i] = new int[a.size()];
            pos[i] = new long[a.size()];
            neg[i] = new long[a.size()];
            for (int x = 0; x < a.size(); x++) {
                neighbour[i][x] = (int) a.get(x)[0];
                pos[i][x] = a.get(x)[1];
                neg[i][x] = a.get(x)[2];
            }
        }
        twoPos = Arrays.stream(kPos).sum();
        twoNeg = Arrays.stream(kNeg).sum();
    }

    /** The best partition found over {@link #RESTARTS} restarts: bloc ids per node (not renumbered). */
    int[] optimise() {
        return optimise(RESTARTS);
    }

    int[] optimise(int restarts) {
        if (n == 0) {
            return new int[0];
        }
        int[] best = null;
        double bestQ = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < Math.max(1, restarts); r++) {
            Random random = new Random(r);
            int[] order = visitingOrder(r, random);
            int[] start = r == 0 || r % 3 == 1 ? singletons() : r % 3 == 2 ? perturbed(best, random) : scattered(random);
            int[] bloc = refine(start, order);
            double q = modularity(bloc);
            if (best == null || q > bestQ + EPS) {
                best = bloc;
                bestQ = q;
            }
        }
        return best;
    }

    /** The optimiser before refinement and restarts: local moves in index order from singletons. */
    int[] localMovesOnly() {
        int[] bloc = singletons();
        localMoves(bloc, visitingOrder(0, null));
        return bloc;
    }

    /** Local moves and merges, alternately, until neither raises Q; changes and returns {@code bloc}. */
    int[] refine(int[] bloc, int[] order) {
        // local moves stop only when a sweep moves nothing, so after a round without merges nothing is left to do
        for (int round = 0; round < MAX_ROUNDS; round++) {
            localMoves(bloc, order);
            if (!mergeBlocs(bloc)) {
                break;
            }
        }
        return bloc;
    }

    /** Signed modularity Q of a partition (bloc ids per node, any values in 0..n−1). */
    double modularity(int[] bloc) {
        if (twoPos + twoNeg == 0) {
            return 0;
        }
        double[] sumPos = new double[n];
        double[] sumNeg = new double[n];
        double q = 0;
        for (int i = 0; i < n; i++) {
            sumPos[bloc[i]] += kPos[i];
            sumNeg[bloc[i]] += kNeg[i];
            for (int x = 0; x < neighbour[i].length; x++) {
                if (bloc[neighbour[i][x]] == bloc[i]) {
                    q += pos[i][x] - neg[i][x];
                }
            }
        }
        for (int c = 0; c < n; c++) {
            if (twoPos > 0) {
                q -= sumPos[c] * sumPos[c] / twoPos;
            }
            if (twoNeg > 0) {
                q += sumNeg[c] * sumNeg[c] / twoNeg;
            }
        }
        return q / (twoPos + twoNeg);
    }

    private int[] singletons() {
        int[] bloc = new int[n];
        for (int i = 0; i < n; i++) {
            bloc[i] = i;
        }
        return bloc;
    }

    /**
     * The best partition so far with a few nodes (one to a quarter of them) put in random blocs, empty ones
     * included: a kick out of a local optimum that single moves and merges cannot leave, such as a bloc that
     * should split in two.
     */
    private int[] perturbed(int[] best, Random random) {
        int[] bloc = best.clone();
        int kicks = 1 + random.nextInt(Math.max(1, n / 4));
        for (int k = 0; k < kicks; k++) {
            bloc[random.nextInt(n)] = random.nextInt(n);
        }
        return bloc;
    }

    /** Nodes put at random in a random number of blocs. */
    private int[] scattered(Random random) {
        int[] bloc = new int[n];
        int blocs = 1 + random.nextInt(n);
        for (int i = 0; i < n; i++) {
            bloc[i] = random.nextInt(blocs);
        }
        return bloc;
    }

    private int[] visitingOrder(int restart, Random random) {
        int[] order = singletons();
        if (restart > 0) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /**
     * Moves each node, in the given order, to the bloc with the largest gain (ties: keep, then lowest bloc id), or
     * to an empty bloc when every bloc on offer loses, until a sweep moves nothing.
     */
    private void localMoves(int[] bloc, int[] order) {
        int[] size = new int[n];
        double[] sumPos = new double[n];
        double[] sumNeg = new double[n];
        for (int i = 0; i < n; i++) {
            size[bloc[i]]++;
            sumPos[bloc[i]] += kPos[i];
            sumNeg[bloc[i]] += kNeg[i];
        }
        double[] linkPos = new double[n];
        double[] linkNeg = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean moved = false;
            int emptyHint = 0;
            for (int i : order) {
                int current = bloc[i];
                size[current]--;
                sumPos[current] -= kPos[i];
                sumNeg[current] -= kNeg[i];
                for (int x = 0; x < neighbour[i].length; x++) {
                    int c = bloc[neighbour[i][x]];
                    linkPos[c] += pos[i][x];
                    linkNeg[c] += neg[i][x];
                }
                int best = current;
                double bestGain = gain(i, current, linkPos, linkNeg, sumPos, sumNeg);
                // every bloc is on offer, not only the neighbours': joining the enemies' enemies pays without a tie
                for (int c = 0; c < n; c++) {
                    if (c == current || size[c] == 0) {
                        continue;
                    }
                    double g = gain(i, c, linkPos, linkNeg, sumPos, sumNeg);
                    if (g > bestGain + EPS) {
                        best = c;
                        bestGain = g;
                    }
                }
                if (bestGain < -EPS && size[current] > 0) {
                    // alone is worth 0, better than any bloc on offer: take the first empty bloc
                    while (size[emptyHint] > 0) {
                        emptyHint = (emptyHint + 1) % n;
                    }
                    best = emptyHint;
                }
                for (int x = 0; x < neighbour[i].length; x++) {
                    linkPos[bloc[neighbour[i][x]]] = 0;
                    linkNeg[bloc[neighbour[i][x]]] = 0;
                }
                bloc[i] = best;
                size[best]++;
                sumPos[best] += kPos[i];
                sumNeg[best] += kNeg[i];
                if (best != current) {
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
    }

    /** Change of (2w⁺+2w⁻)·Q/2 when node i joins bloc c (i itself removed from all sums). */
    private double gain(int i, int c, double[] linkPos, double[] linkNeg, double[] sumPos, double[] sumNeg) {
        double g = 0;
        if (twoPos > 0) {
            g += linkPos[c] - kPos[i] * sumPos[c] / twoPos;
        }
        if (twoNeg > 0) {
            g -= linkNeg[c] - kNeg[i] * sumNeg[c] / twoNeg;
        }
        return g;
    }

    /**
     * Merges pairs of blocs whose union raises Q, in passes: each pass merges the pairs of positive gain best
     * first (ties: lower ids), skipping blocs already merged in the pass. Bloc pairs without a tie are candidates
     * too: two blocs that both fight a third gain from joining. Returns whether any pair merged.
     */
    private boolean mergeBlocs(int[] bloc) {
        boolean any = false;
        while (true) {
            int[] ids = Arrays.stream(bloc).distinct().sorted().toArray();
            int b = ids.length;
            int[] slot = new int[n];
            for (int s = 0; s < b; s++) {
                slot[ids[s]] = s;
            }
            double[] sumPos = new double[b];
            double[] sumNeg = new double[b];
            double[][] link = new double[b][b];
            for (int i = 0; i < n; i++) {
                int si = slot[bloc[i]];
                sumPos[si] += kPos[i];
                sumNeg[si] += kNeg[i];
                for (int x = 0; x < neighbour[i].length; x++) {
                    int sj = slot[bloc[neighbour[i][x]]];
                    if (si < sj) {
                        link[si][sj] += pos[i][x] - neg[i][x];
                    }
                }
            }
            List<double[]> pairs = new ArrayList<>();
            for (int s = 0; s < b; s++) {
                for (int t = s + 1; t < b; t++) {
                    double g = link[s][t];
                    if (twoPos > 0) {
                        g -= sumPos[s] * sumPos[t] / twoPos;
                    }
                    if (twoNeg > 0) {
                        g += sumNeg[s] * sumNeg[t] / twoNeg;
                    }
                    if (g > EPS) {
                        pairs.add(new double[] {g, s, t});
                    }
                }
            }
            if (pairs.isEmpty()) {
                return any;
            }
            pairs.sort((p, q) -> p[0] != q[0] ? Double.compare(q[0], p[0])
                    : p[1] != q[1] ? Double.compare(p[1], q[1]) : Double.compare(p[2], q[2]));
            int[] into = new int[b];
            for (int s = 0; s < b; s++) {
                into[s] = ids[s];
            }
            boolean[] taken = new boolean[b];
            for (double[] p : pairs) {
                int s = (int) p[1];
                int t = (int) p[2];
                if (!taken[s] && !taken[t]) {
                    taken[s] = true;
                    taken[t] = true;
                    into[t] = ids[s];
                }
            }
            for (int i = 0; i < n; i++) {
                bloc[i] = into[slot[bloc[i]]];
            }
            any = true;
        }
    }
}
