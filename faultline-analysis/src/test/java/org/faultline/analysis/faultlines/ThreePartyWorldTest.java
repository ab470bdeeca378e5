package org.faultline.analysis.faultlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.faultline.model.EventType.ACCUSE;
import static org.faultline.model.EventType.AID;
import static org.faultline.model.EventType.ASSAULT;
import static org.faultline.model.EventType.CONSULT;
import static org.faultline.model.EventType.COOPERATE;
import static org.faultline.model.EventType.REJECT;
import static org.faultline.model.EventType.SANCTION;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.analysis.World;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;
import org.faultline.query.Period;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three parties, one of them a coalition (BLOC = USA, GBR), in a world small enough to check by hand:
 * <pre>
 *   BLOC-UKR  +4 (USA COOPERATE UKR x3 in Q1, GBR AID UKR in Q2)
 *   BLOC-ISR  +2 (USA COOPERATE ISR x2, Q2)
 *   BLOC-IRN  -2 (USA and GBR jointly ASSAULT IRN: one event, not two; USA SANCTION IRN)
 *   BLOC-RUS  -1 (USA SANCTION RUS)
 *   ISR-IRN   -3 (ISR ASSAULT IRN x3)     UKR-IRN -2 (UKR ACCUSE IRN x2)
 *   ISR-RUS   +2 (ISR CONSULT RUS x2)     UKR-RUS -4 (RUS ASSAULT UKR x4)
 *   ISR-UKR   +1 -2 (ISR AID UKR in Q1; ISR REJECT UKR x2 in Q3: refusals)
 *   USA-GBR   +1 (within the coalition: no tie)
 * </pre>
 */
class ThreePartyWorldTest {
    @TempDir
    Path dir;

    private static final Coalition BLOC = new Coalition("BLOC", Set.of(ActorKey.of("USA"), ActorKey.of("GBR")));

    private static ActorKey k(String s) {
        return ActorKey.parse(s);
    }

    private static World world() {
        World w = new World();
        for (String d : List.of("2024-01-10", "2024-02-10", "2024-03-10")) {
            w.add("USA", COOPERATE, "UKR", Modality.ASSERTED, d);
        }
        w.add("GBR", AID, "UKR", Modality.ASSERTED, "2024-04-10");
        w.add("USA", COOPERATE, "ISR", Modality.ASSERTED, "2024-04-15");
        w.add("USA", COOPERATE, "ISR", Modality.ASSERTED, "2024-05-15");
        w.add("USA,GBR", ASSAULT, "IRN", Modality.ASSERTED, "2024-06-01");
        w.add("USA", SANCTION, "IRN", Modality.ASSERTED, "2024-07-01");
        w.add("USA", SANCTION, "RUS", Modality.ASSERTED, "2024-07-02");
        for (String d : List.of("2024-02-01", "2024-05-01", "2024-08-01")) {
            w.add("ISR", ASSAULT, "IRN", Modality.ASSERTED, d);
        }
        w.add("UKR", ACCUSE, "IRN", Modality.ASSERTED, "2024-03-01");
        w.add("UKR", ACCUSE, "IRN", Modality.ASSERTED, "2024-09-01");
        w.add("ISR", CONSULT, "RUS", Modality.ASSERTED, "2024-01-20");
        w.add("ISR", CONSULT, "RUS", Modality.ASSERTED, "2024-02-20");
        for (String d : List.of("2024-01-05", "2024-04-05", "2024-07-05", "2024-10-05")) {
            w.add("RUS", ASSAULT, "UKR", Modality.ASSERTED, d);
        }
        w.add("ISR", AID, "UKR", Modality.ASSERTED, "2024-03-15");
        w.add("ISR", REJECT, "UKR", Modality.ASSERTED, "2024-08-15");
        w.add("ISR", REJECT, "UKR", Modality.ASSERTED, "2024-09-15");
        w.add("USA", CONSULT, "GBR", Modality.ASSERTED, "2024-06-15");
        return w;
    }

    @Test
    void pairsSharedAndApartAsCheckedByHand() {
        try (EventStore store = world().store(dir.resolve("w.duckdb"))) {
            Scope scope = Scope.all().withCoalitions(List.of(BLOC));
            PartyFaultlines f = PartyFaultlines.query(store.queries(), scope, List.of(k("BLOC"), k("ISR"), k("UKR")),
                    2);
            assertThat(f.pairs()).extracting(p -> p.a() + "-" + p.b()).containsExactly("BLOC-ISR", "BLOC-UKR",
                    "ISR-UKR");
            assertThat(points(f.pairs().get(0))).containsExactly(
                    "+direct_cooperation  2", "+shared_adversary IRN 2",
                    "-a_partner_b_adversary UKR 2", "-b_partner_a_adversary RUS 1");
            assertThat(points(f.pairs().get(1))).containsExactly(
                    "+direct_cooperation  4", "+shared_adversary IRN 2", "+shared_adversary RUS 1",
                    "-a_partner_b_adversary ISR 2");
            assertThat(points(f.pairs().get(2))).containsExactly(
                    "+shared_partner BLOC 2", "+shared_adversary IRN 2", "+direct_cooperation  1",
                    "-direct_conflict  2", "-a_refuses_b  2", "-a_partner_b_adversary RUS 2");
            assertThat(f.shared()).extracting(p -> p.kind() + " " + p.third() + " " + p.weight() + ": " + p.summary())
                    .containsExactly("ALL_ADVERSARY IRN 2: IRN is an adversary of BLOC, ISR and UKR");
            assertThat(f.apart()).extracting(p -> p.kind() + " " + p.party() + " " + p.third() + " " + p.weight()
                    + ": " + p.summary()).containsExactly(
                    "APART_BACKS ISR RUS 1: ISR cooperates with RUS, an adversary of BLOC and UKR");
            // evidence: each party's conflict with IRN (the joint USA+GBR strike once), ISR's cooperation with RUS
            // and the others' conflict with it
            assertThat(f.shared().get(0).evidence()).hasSize(6);
            assertThat(f.shared().get(0).evidence()).extracting(e -> e.event().eventType())
                    .containsOnly(ASSAULT, SANCTION, ACCUSE);
            assertThat(f.apart().get(0).evidence()).extracting(e -> e.event().eventType() + " " + e.event().date())
                    .containsExactly("SANCTION 2024-07-02", "CONSULT 2024-01-20", "CONSULT 2024-02-20",
                            "ASSAULT 2024-01-05", "ASSAULT 2024-04-05");
        }
    }

    @Test
    void twoPartiesGiveExactlyTheTwoPartyFaultlines() {
        try (EventStore store = world().store(dir.resolve("w.duckdb"))) {
            PartyFaultlines two = PartyFaultlines.query(store.queries(), Scope.all(), List.of(k("ISR"), k("UKR")), 2);
            Faultlines direct = Faultlines.query(store.queries(), Scope.all(), k("ISR"), k("UKR"), 2);
            assertThat(two.pairs()).hasSize(1);
            assertThat(points(two.pairs().get(0))).isEqualTo(points(direct)).isNotEmpty();
            assertThat(two.shared()).isEmpty();
            assertThat(two.apart()).isEmpty();
        }
    }

    @Test
    void quartersSumToTheWholePeriod() {
        try (EventStore store = world().store(dir.resolve("w.duckdb"))) {
            Scope scope = Scope.all().withCoalitions(List.of(BLOC));
            List<ActorKey> parties = List.of(k("BLOC"), k("ISR"), k("UKR"));
            PartyFaultlines whole = PartyFaultlines.query(store.queries(), scope, parties, 0);
            for (Period by : List.of(Period.QUARTER, Period.YEAR)) {
                FaultlineTimeline t = FaultlineTimeline.query(store.queries(), scope, whole, by);
                assertThat(t.buckets()).extracting(FaultlineTimeline.Bucket::label).containsExactlyElementsOf(
                        by == Period.QUARTER ? List.of("2024 Q1", "2024 Q2", "2024 Q3", "2024 Q4") : List.of("2024"));
                // every tie of a party: the periods' counts add up to the whole period's
                Map<String, long[]> sum = new HashMap<>();
                for (FaultlineTimeline.Bucket b : t.buckets()) {
                    for (Tie tie : b.ties()) {
                        long[] s = sum.computeIfAbsent(tie.a() + "-" + tie.b(), x -> new long[4]);
                        s[0] += tie.cooperation();
                        s[1] += tie.conflict();
                        s[2] += tie.refusalsByA();
                        s[3] += tie.refusalsByB();
                    }
                }
                Map<String, long[]> all = new HashMap<>();
                for (Tie tie : Relations.ties(scope.flows(store.queries()))) {
                    if (parties.stream().anyMatch(tie::involves)) {
                        all.put(tie.a() + "-" + tie.b(), new long[] {tie.cooperation(), tie.conflict(),
                            tie.refusalsByA(), tie.refusalsByB()});
                    }
                }
                assertThat(sum.keySet()).isEqualTo(all.keySet());
                all.forEach((key, v) -> assertThat(sum.get(key)).as(by + " " + key).containsExactly(v));
                // direct points are counts: their periods sum to their whole-period weight
                List<String> direct = new ArrayList<>();
                for (FaultlineTimeline.Series s : t.series()) {
                    if (s.key().matches(".*\\|(direct_cooperation|direct_conflict|a_refuses_b|b_refuses_a)\\|")) {
                        direct.add(s.key());
                        assertThat(s.weights().stream().mapToLong(Long::longValue).sum()).as(s.key())
                                .isEqualTo(s.whole());
                    }
                }
                assertThat(direct).containsExactly("BLOC|ISR|direct_cooperation|", "BLOC|UKR|direct_cooperation|",
                        "ISR|UKR|direct_cooperation|", "ISR|UKR|direct_conflict|", "ISR|UKR|a_refuses_b|");
            }
            FaultlineTimeline q = FaultlineTimeline.query(store.queries(), scope, whole, Period.QUARTER);
            FaultlineTimeline.Series blocUkr = series(q, "BLOC|UKR|direct_cooperation|");
            assertThat(blocUkr.weights()).containsExactly(3L, 1L, 0L, 0L);
            assertThat(blocUkr.turns()).extracting(x -> x.bucket() + " " + x.change())
                    .containsExactly("0 APPEARED", "2 FADED");
            FaultlineTimeline.Series refusals = series(q, "ISR|UKR|a_refuses_b|");
            assertThat(refusals.weights()).containsExactly(0L, 0L, 2L, 0L);
            assertThat(refusals.turns()).extracting(x -> x.bucket() + " " + x.change()).containsExactly("2 APPEARED");
            // the shared adversary holds in a quarter where every party fought IRN: BLOC did in Q2 and Q3, ISR in
            // Q1 to Q3, UKR in Q1 and Q3, so all three in Q3 alone
            assertThat(series(q, "all_adversary||IRN").weights()).containsExactly(0L, 0L, 1L, 0L);
        }
    }

    @Test
    void theChangeTestFlagsRisesAndFalls() {
        assertThat(FaultlineTimeline.turns(List.of(1L, 1L, 1L, 6L, 1L, 1L))).extracting(t -> t.bucket() + " "
                + t.change()).containsExactly("0 APPEARED", "3 ROSE");
        // from a mean of 2.5 to 0 is a fall of less than 3 events: not flagged; from 1.7 to 5 is a rise
        assertThat(FaultlineTimeline.turns(List.of(2L, 3L, 0L, 5L))).extracting(t -> t.bucket() + " " + t.change())
                .containsExactly("0 APPEARED", "3 ROSE");
        assertThat(FaultlineTimeline.turns(List.of(6L, 6L, 6L, 6L, 1L, 6L))).extracting(t -> t.bucket() + " "
                + t.change()).containsExactly("0 APPEARED", "4 FELL");
        assertThat(FaultlineTimeline.turns(List.of(0L, 0L))).isEmpty();
        // after a point faded, the zeros that follow are no further fall
        assertThat(FaultlineTimeline.turns(List.of(8L, 0L, 0L, 0L))).extracting(t -> t.bucket() + " " + t.change())
                .containsExactly("0 APPEARED", "1 FADED");
    }

    @Test
    void partiesMustDiffer() {
        assertThatThrownBy(() -> PartyFaultlines.of(List.of(k("ISR")), List.of()))
                .hasMessageContaining("at least two parties");
        assertThatThrownBy(() -> PartyFaultlines.of(List.of(k("ISR"), k("UKR"), k("ISR")), List.of()))
                .hasMessageContaining("given twice");
    }

    private static FaultlineTimeline.Series series(FaultlineTimeline t, String key) {
        return t.series().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow(
                () -> new AssertionError("no series " + key + " in " + t.series()));
    }

    private static List<String> points(Faultlines f) {
        List<String> out = new ArrayList<>();
        for (Faultlines.Point p : f.intersections()) {
            out.add("+" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + (p.third() == null ? "" : p.third())
                    + " " + p.weight());
        }
        for (Faultlines.Point p : f.divergences()) {
            out.add("-" + p.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + (p.third() == null ? "" : p.third())
                    + " " + p.weight());
        }
        return out;
    }
}
