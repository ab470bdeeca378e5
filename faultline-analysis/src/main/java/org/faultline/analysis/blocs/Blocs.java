package org.faultline.analysis.blocs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.query.ActorKey;
import org.faultline.query.EventQueries;

/**
 * Partitions actors into blocs so that cooperation falls mostly within blocs and conflict mostly between
 * them, by maximising the signed modularity of Gómez, Jensen and Arenas (Phys. Rev. E 80, 016114, 2009):
 * <pre>
 *   Q = [ 2w⁺·Q⁺ − 2w⁻·Q⁻ ] / (2w⁺ + 2w⁻),   Q± = Σ_ij (w±_ij − k±_i k±_j / 2w±) δ(c_i, c_j) / 2w±
 * </pre>
 * where w⁺ counts realised cooperative events between two actors, w⁻ conflictual ones, k± are the actors'
 * totals. {@link SignedModularity} optimises it: Louvain-style local moves and merges of blocs until neither
 * raises Q, from several restarts with seeded visiting orders, keeping the best. Integer weights, actors indexed
 * in key order and fixed seeds make the result a function of the ties alone, not of the order in which events
 * were stored. Immutable.
 */
public final class Blocs {
    /**
     * One actor's place.
     *
     * @param actor    the actor
     * @param bloc     its bloc number (1 = largest bloc)
     * @param strength share of its event weight that agrees with the partition: cooperation inside its bloc
     *                 plus conflict with other blocs, over all its cooperation and conflict (0..1)
     * @param deciding its ties that agree most with the partition, heaviest first (at most three)
     */
    public record Membership(ActorKey actor, int bloc, double strength, List<Tie> deciding) {
        public Membership {
            deciding = List.copyOf(deciding);
        }
    }

    /**
     * One bloc.
     *
     * @param number              1 = most members (ties: smallest first member)
     * @param members             its actors, sorted
     * @param internalCooperation realised cooperation between members
     * @param internalConflict    realised conflict between members
     */
    public record Bloc(int number, List<ActorKey> members, long internalCooperation, long internalConflict) {
        public Bloc {
            members = List.copyOf(members);
        }
    }

    private final List<Bloc> blocs;
    private final List<Membership> memberships;
    private final double modularity;
    private final long frustration;

    private Blocs(List<Bloc> blocs, List<Membership> memberships, double modularity, long frustration) {
        this.blocs = List.copyOf(blocs);
        this.memberships = List.copyOf(memberships);
        this.modularity = modularity;
        this.frustration = frustration;
    }

    /** Blocs of the scope's actors in the store; ties with fewer than {@code minEvents} events are ignored. */
    public static Blocs query(EventQueries store, Scope scope, int minEvents) {
        List<Tie> ties = new ArrayList<>();
        for (Tie t : Relations.ties(scope.flows(store))) {
            if (t.events() >= minEvents) {
                ties.add(t);
            }
        }
        return of(ties);
    }

    /** Blocs of the actors of these ties (actors without realised events are left out). */
    public static Blocs of(List<Tie> ties) {
        TreeSet<ActorKey> keys = new TreeSet<>();
        List<Tie> used = new ArrayList<>();
        for (Tie t : ties) {
            if (t.events() > 0) {
                keys.add(t.a());
                keys.add(t.b());
                used.add(t);
            }
        }
        List<ActorKey> actors = new ArrayList<>(keys);
        int n = actors.size();
        Map<ActorKey, Integer> index = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            index.put(actors.get(i), i);
        }
        long[] kPos = new long[n];
        long[] kNeg = new long[n];
        List<long[]> edges = new ArrayList<>();
        for (Tie t : used) {
            int i = index.get(t.a());
            int j = index.get(t.b());
            edges.add(new long[] {i, j, t.cooperation(), t.conflict()});
            kPos[i] += t.cooperation();
            kPos[j] += t.cooperation();
            kNeg[i] += t.conflict();
            kNeg[j] += t.conflict();
        }
        long twoPos = 0;
        long twoNeg = 0;
        for (int i = 0; i < n; i++) {
            twoPos += kPos[i];
            twoNeg += kNeg[i];
        }
        int[] bloc = new SignedModularity(n, edges).optimise();
        return describe(actors, used, index, bloc, kPos, kNeg, twoPos, twoNeg);
    }

    private static Blocs describe(List<ActorKey> actors, List<Tie> ties, Map<ActorKey, Integer> index, int[] bloc,
                                  long[] kPos, long[] kNeg, long twoPos, long twoNeg) {
        int n = actors.size();
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(bloc[i], x -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((List<Integer> g) -> -g.size()).thenComparing(g -> g.get(0)));
        int[] number = new int[n];
        for (int b = 0; b < ordered.size(); b++) {
            for (int i : ordered.get(b)) {
                number[i] = b + 1;
            }
        }
        long[] inCoop = new long[ordered.size() + 1];
        long[] inConflict = new long[ordered.size() + 1];
        long[] agree = new long[n];
        double[] sumPos = new double[ordered.size() + 1];
        double[] sumNeg = new double[ordered.size() + 1];
        double q = 0;
        long frustration = 0;
        for (Tie t : ties) {
            int i = index.get(t.a());
            int j = index.get(t.b());
            if (number[i] == number[j]) {
                inCoop[number[i]] += t.cooperation();
                inConflict[number[i]] += t.conflict();
                q += 2.0 * (t.cooperation() - t.conflict());
                frustration += t.conflict();
                agree[i] += t.cooperation();
                agree[j] += t.cooperation();
            } else {
                frustration += t.cooperation();
                agree[i] += t.conflict();
                agree[j] += t.conflict();
            }
        }
        for (int i = 0; i < n; i++) {
            sumPos[number[i]] += kPos[i];
            sumNeg[number[i]] += kNeg[i];
        }
        for (int b = 1; b <= ordered.size(); b++) {
            if (twoPos > 0) {
                q -= sumPos[b] * sumPos[b] / twoPos;
            }
            if (twoNeg > 0) {
                q += sumNeg[b] * sumNeg[b] / twoNeg;
            }
        }
        double modularity = twoPos + twoNeg == 0 ? 0 : q / (twoPos + twoNeg);
        List<Bloc> blocs = new ArrayList<>();
        for (int b = 0; b < ordered.size(); b++) {
            List<ActorKey> members = new ArrayList<>();
            ordered.get(b).forEach(i -> members.add(actors.get(i)));
            blocs.add(new Bloc(b + 1, members, inCoop[b + 1], inConflict[b + 1]));
        }
        Map<ActorKey, List<Tie>> tiesOf = new TreeMap<>();
        for (Tie t : ties) {
            tiesOf.computeIfAbsent(t.a(), x -> new ArrayList<>()).add(t);
            tiesOf.computeIfAbsent(t.b(), x -> new ArrayList<>()).add(t);
        }
        List<Membership> members = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ActorKey me = actors.get(i);
            int mine = number[i];
            List<Tie> deciding = new ArrayList<>();
            for (Tie t : tiesOf.getOrDefault(me, List.of())) {
                if (support(t, me, mine, number, index) > 0) {
                    deciding.add(t);
                }
            }
            deciding.sort(Comparator.comparing((Tie t) -> -support(t, me, mine, number, index))
                    .thenComparing(t -> t.other(me)));
            long total = kPos[i] + kNeg[i];
            members.add(new Membership(me, mine, total == 0 ? 0 : (double) agree[i] / total,
                    deciding.subList(0, Math.min(3, deciding.size()))));
        }
        members.sort(Comparator.comparing(Membership::bloc).thenComparing(m -> -m.strength())
                .thenComparing(Membership::actor));
        return new Blocs(blocs, members, modularity, frustration);
    }

    /** Events of a tie that agree with the partition, seen from {@code me} in bloc {@code mine}. */
    private static long support(Tie t, ActorKey me, int mine, int[] number, Map<ActorKey, Integer> index) {
        return number[index.get(t.other(me))] == mine ? t.cooperation() : t.conflict();
    }

    /** Blocs, largest first. */
    public List<Bloc> blocs() {
        return blocs;
    }

    /** Every actor's membership, by bloc, strongest first. */
    public List<Membership> memberships() {
        return memberships;
    }

    /** The bloc number of each actor. */
    public Map<ActorKey, Integer> assignment() {
        Map<ActorKey, Integer> m = new TreeMap<>();
        memberships.forEach(x -> m.put(x.actor(), x.bloc()));
        return m;
    }

    /** Signed modularity Q of the partition (−1..1). */
    public double modularity() {
        return modularity;
    }

    /** Events against the partition: conflict within blocs plus cooperation between them. */
    public long frustration() {
        return frustration;
    }
}
