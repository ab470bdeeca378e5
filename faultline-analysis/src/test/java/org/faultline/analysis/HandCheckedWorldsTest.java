package org.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faultline.model.EventType.ACCUSE;
import static org.faultline.model.EventType.AGREE;
import static org.faultline.model.EventType.AID;
import static org.faultline.model.EventType.ASSAULT;
import static org.faultline.model.EventType.CONSULT;
import static org.faultline.model.EventType.COOPERATE;
import static org.faultline.model.EventType.MOBILIZE;
import static org.faultline.model.EventType.SANCTION;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.analysis.faultlines.Faultlines.Kind;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.analysis.novel.NovelDyads;
import org.faultline.model.EventType;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Period;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small worlds whose answers can be checked by hand. */
class HandCheckedWorldsTest {
    @TempDir
    Path dir;

    private static ActorKey k(String s) {
        return ActorKey.parse(s);
    }

    @Test
    void twoBlocWorldSplitsIntoItsTwoBlocs() {
        World w = new World()
                .times(3, "AAA", COOPERATE, "AAB").times(2, "AAB", AID, "AAC").times(2, "AAC", CONSULT, "AAA")
                .times(3, "BBA", COOPERATE, "BBB").times(2, "BBB", AID, "BBC").times(2, "BBC", AGREE, "BBA")
                .times(2, "AAA", ASSAULT, "BBA").times(1, "AAC", SANCTION, "BBB").times(1, "BBC", ACCUSE, "AAB");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            Blocs blocs = Blocs.query(store.queries(), Scope.all(), 1);
            assertThat(blocs.blocs()).hasSize(2);
            assertThat(blocs.blocs().get(0).members()).containsExactly(k("AAA"), k("AAB"), k("AAC"));
            assertThat(blocs.blocs().get(1).members()).containsExactly(k("BBA"), k("BBB"), k("BBC"));
            assertThat(blocs.frustration()).isZero();
            assertThat(blocs.modularity()).isGreaterThan(0.3);
            assertThat(blocs.memberships()).allSatisfy(m -> assertThat(m.strength()).isEqualTo(1.0));
            Blocs.Membership aaa = blocs.memberships().stream().filter(m -> m.actor().equals(k("AAA"))).findFirst()
                    .orElseThrow();
            // AAA: 3 cooperation with AAB, 2 with AAC, 2 conflict with BBA: all agree with the partition
            assertThat(aaa.deciding()).extracting(t -> t.other(k("AAA"))).containsExactly(k("AAB"), k("AAC"),
                    k("BBA"));
        }
    }

    @Test
    void aMemberWhoFightsItsOwnSideIsWeaklyAttached() {
        World w = new World()
                .times(4, "AAA", COOPERATE, "AAB").times(4, "AAB", COOPERATE, "AAC").times(4, "AAC", COOPERATE, "AAA")
                .times(1, "AAD", COOPERATE, "AAA").times(1, "AAD", ACCUSE, "AAB")
                .times(4, "BBA", COOPERATE, "BBB").times(3, "AAA", ASSAULT, "BBA");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            Blocs blocs = Blocs.query(store.queries(), Scope.all(), 1);
            Map<ActorKey, Integer> bloc = blocs.assignment();
            assertThat(bloc.get(k("AAA"))).isEqualTo(bloc.get(k("AAB"))).isEqualTo(bloc.get(k("AAC")))
                    .isNotEqualTo(bloc.get(k("BBA")));
            assertThat(blocs.memberships().stream().filter(m -> m.actor().equals(k("AAD"))).findFirst().orElseThrow()
                    .strength()).isEqualTo(0.5);
        }
    }

    @Test
    void bridgeActorTiesTheTwoTheatres() {
        World w = new World()
                .times(3, "RUS", ASSAULT, "UKR").times(2, "UKR", ASSAULT, "RUS")
                .times(3, "ISR", ASSAULT, "HAMAS").times(1, "HAMAS", ASSAULT, "ISR")
                .times(3, "IRN", AID, "RUS").times(2, "IRN", AID, "HAMAS")
                .times(4, "USA", AID, "UKR").times(1, "USA", AID, "ISR")
                .times(5, "PRK", AID, "RUS");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            List<Theatre> found = Bridges.detectTheatres(Relations.ties(Scope.all().totals(store.queries()),
                    ActorLevel.COUNTRY), 1);
            assertThat(found).extracting(Theatre::name).containsExactly("HAMAS/ISR", "RUS/UKR");

            List<Bridges.Bridge> bridges = Bridges.query(store.queries(), Scope.all(), List.of(), 1, 2);
            assertThat(bridges).extracting(Bridges.Bridge::actor).containsExactly(k("IRN"), k("USA"));
            Bridges.Bridge irn = bridges.get(0);
            assertThat(irn.score()).isEqualTo(2);
            assertThat(irn.involvements()).extracting(i -> i.theatre().name(), Bridges.Involvement::events)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("RUS/UKR", 3L),
                            org.assertj.core.groups.Tuple.tuple("HAMAS/ISR", 2L));
            assertThat(irn.involvements().get(0).evidence()).hasSize(2)
                    .allSatisfy(e -> assertThat(e.event().evidence().get(0).text()).startsWith("IRN aid RUS"));

            List<Bridges.Bridge> given = Bridges.query(store.queries(), Scope.all(),
                    Theatre.parseAll(List.of("RUS-UKR", "ISR-HAMAS/IRN")), 1, 0);
            // with IRN a belligerent of the second theatre, RUS (5 events in its war, 3 with IRN) ties the two
            // theatres more strongly than IRN itself (3 with RUS, 2 with HAMAS)
            assertThat(given).extracting(Bridges.Bridge::actor, Bridges.Bridge::score).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(k("RUS"), 3L), org.assertj.core.groups.Tuple.tuple(k("IRN"), 2L),
                    org.assertj.core.groups.Tuple.tuple(k("USA"), 1L));
        }
    }

    @Test
    void faultlinesOfTwoPartnersShowWhereTheyMeetAndPart() {
        World w = new World()
                .times(2, "ISR", CONSULT, "UKR")
                .times(3, "USA", AID, "ISR").times(4, "USA", AID, "UKR")
                .times(2, "IRN", ASSAULT, "ISR").times(1, "UKR", ACCUSE, "IRN")
                .times(3, "RUS", ASSAULT, "UKR").times(2, "ISR", CONSULT, "RUS")
                .add("ISR", AID, "UKR", Modality.REFUSED, null)
                .add("ISR", AID, "UKR", Modality.FUTURE, null);
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            Faultlines f = Faultlines.query(store.queries(), Scope.all(), k("ISR"), k("UKR"), 3);
            assertThat(f.intersections()).extracting(Faultlines.Point::kind, Faultlines.Point::third,
                    Faultlines.Point::weight).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Kind.SHARED_PARTNER, k("USA"), 3L),
                    org.assertj.core.groups.Tuple.tuple(Kind.DIRECT_COOPERATION, null, 2L),
                    org.assertj.core.groups.Tuple.tuple(Kind.SHARED_ADVERSARY, k("IRN"), 1L));
            assertThat(f.divergences()).extracting(Faultlines.Point::kind, Faultlines.Point::third,
                    Faultlines.Point::weight).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Kind.A_PARTNER_B_ADVERSARY, k("RUS"), 2L),
                    org.assertj.core.groups.Tuple.tuple(Kind.A_REFUSES_B, null, 1L));
            Faultlines.Point refusal = f.divergences().get(1);
            assertThat(refusal.evidence()).hasSize(1);
            assertThat(refusal.evidence().get(0).event().modality()).isEqualTo(Modality.REFUSED);
            Faultlines.Point rus = f.divergences().get(0);
            assertThat(rus.summary()).isEqualTo("ISR cooperates with RUS, an adversary of UKR");
            assertThat(rus.evidence()).hasSize(5);
        }
    }

    @Test
    void networkCountsOnlyRealisedEventsAndHonoursTheLevel() {
        World w = new World()
                .times(2, "RUS:MIL", ASSAULT, "UKR:MIL").times(1, "RUS:GOV", ACCUSE, "UKR:GOV")
                .times(1, "RUS:GOV", CONSULT, "UKR:GOV").times(1, "PRK:MIL", MOBILIZE, "RUS:MIL")
                .add("RUS,PRK", AGREE, null)
                .add("USA", AID, "UKR", Modality.REFUSED, null).add("RUS:GOV", COOPERATE, "RUS:MIL");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            ActorNetwork country = ActorNetwork.query(store.queries(), Scope.all(), 1);
            assertThat(country.edges()).extracting(e -> e.source() + ">" + e.target() + " +" + e.cooperation() + " -"
                    + e.conflict() + " r" + e.refusals()).containsExactly("PRK>RUS +1 -1 r0", "RUS>UKR +1 -3 r0");
            ActorNetwork min2 = ActorNetwork.query(store.queries(), Scope.all(), 2);
            assertThat(min2.edges()).extracting(e -> e.source() + ">" + e.target()).containsExactly("PRK>RUS",
                    "RUS>UKR");
            assertThat(min2.nodes()).extracting(n -> n.actor() + " " + n.activity()).containsExactly("PRK 2", "RUS 6",
                    "UKR 4");
            ActorNetwork sector = ActorNetwork.query(store.queries(), Scope.all().at(ActorLevel.SECTOR), 1);
            assertThat(sector.edges()).extracting(e -> e.source() + ">" + e.target() + " " + e.net())
                    .containsExactly("PRK:GOV>RUS:GOV 1", "PRK:MIL>RUS:MIL -1", "RUS:GOV>RUS:MIL 1",
                            "RUS:GOV>UKR:GOV 0", "RUS:MIL>UKR:MIL -2");
        }
    }

    @Test
    void novelDyadsAndTypesSinceADate() {
        World w = new World()
                .add("RUS", AID, "PRK", Modality.ASSERTED, "2023-05-01")
                .add("PRK", AID, "RUS", Modality.ASSERTED, "2023-09-01")
                .add("PRK", MOBILIZE, "RUS", Modality.ASSERTED, "2024-10-20")
                .add("PRK", MOBILIZE, "RUS", Modality.ASSERTED, "2024-11-02")
                .add("PRK", ASSAULT, "UKR", Modality.ASSERTED, "2024-12-15")
                .add("IRN", AID, "RUS", Modality.FUTURE, "2024-11-01");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            List<NovelDyads.Novelty> n = NovelDyads.query(store.queries(), Scope.all(), LocalDate.parse("2024-10-01"),
                    5);
            assertThat(n).extracting(x -> x.source() + ">" + x.target() + " " + x.type() + " " + x.firstSeen() + " "
                    + x.events()).containsExactly("PRK>UKR null 2024-12-15 1", "PRK>RUS MOBILIZE 2024-10-20 2");
            assertThat(n.get(1).evidence()).hasSize(2);
        }
    }

    @Test
    void dyadSeriesCountsPerMonthWithEvidence() {
        World w = new World()
                .add("RUS", ASSAULT, "UKR", Modality.ASSERTED, "2024-01-03")
                .add("RUS", ASSAULT, "UKR", Modality.ASSERTED, "2024-01-20")
                .add("UKR", ACCUSE, "RUS", Modality.ASSERTED, "2024-01-21")
                .add("RUS,UKR", AGREE, null, Modality.ASSERTED, "2024-03-05")
                .add("RUS", CONSULT, "UKR", Modality.FUTURE, "2024-03-09")
                .add("RUS", AID, "PRK", Modality.ASSERTED, "2024-03-09");
        try (EventStore store = w.store(dir.resolve("w.duckdb"))) {
            DyadSeries s = DyadSeries.query(store.queries(), Scope.all(), k("RUS"), k("UKR"), Period.MONTH, 2);
            assertThat(s.rows()).hasSize(2);
            DyadSeries.Row jan = s.rows().get(0);
            assertThat(jan.start()).isEqualTo(LocalDate.parse("2024-01-01"));
            assertThat(jan.byType()).isEqualTo(Map.of(ASSAULT, 2L, EventType.ACCUSE, 1L));
            assertThat(jan.quad(4)).isEqualTo(2);
            assertThat(jan.quad(3)).isEqualTo(1);
            assertThat(jan.fromA()).isEqualTo(2);
            assertThat(jan.fromB()).isEqualTo(1);
            assertThat(jan.goldstein()).isEqualTo(-9 - 1.5);
            assertThat(jan.plover()).isEqualTo(-18 - 3);
            assertThat(jan.evidence()).hasSize(2);
            DyadSeries.Row mar = s.rows().get(1);
            assertThat(mar.events()).isEqualTo(1);
            assertThat(mar.fromA()).isEqualTo(1);
            assertThat(mar.fromB()).isEqualTo(1);
            assertThat(mar.unrealised()).isEqualTo(1);
        }
    }
}
