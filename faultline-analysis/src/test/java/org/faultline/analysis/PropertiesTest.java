package org.faultline.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.EventStatus;
import org.faultline.store.EventStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random worlds: aggregates equal the sum of their events, and blocs do not depend on event order. */
class PropertiesTest {
    private static final String[] CODES = {"RUS", "UKR", "PRK", "IRN", "ISR", "USA", "HAMAS"};
    private static final String[] SECTORS = {"GOV", "MIL", "REB", null};

    @TempDir
    Path dir;

    static List<Event> randomEvents(Random r, int n) {
        List<Event> out = new ArrayList<>();
        EventType[] types = EventType.values();
        Modality[] modalities = Modality.values();
        for (int i = 0; i < n; i++) {
            EventType type = types[r.nextInt(types.length)];
            List<ActorRef> actors = refs(r, 1 + (r.nextInt(5) == 0 ? 1 : 0));
            List<ActorRef> recipients = r.nextInt(4) == 0 ? List.of() : refs(r, 1 + (r.nextInt(6) == 0 ? 1 : 0));
            Modality m = r.nextInt(3) == 0 ? modalities[r.nextInt(modalities.length)] : Modality.ASSERTED;
            String doc = "doc" + i;
            String sentence = "Sentence " + i + ".";
            out.add(new Event("e" + i, doc, type, null, List.of(), "000", type.quadClass(),
                    Math.round(r.nextGaussian() * 40) / 4.0, actors, recipients,
                    LocalDate.parse("2023-01-01").plusDays(r.nextInt(700)), DatePrecision.DAY, null, null,
                    m == Modality.NEGATED || (m == Modality.ASSERTED && r.nextInt(20) == 0), m, null, 0.5,
                    List.of(new Evidence(doc, 0, 0, sentence.length(), sentence, "t", 0, 1)), "rule", "test"));
        }
        return out;
    }

    private static List<ActorRef> refs(Random r, int n) {
        List<ActorRef> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String code = CODES[r.nextInt(CODES.length)];
            String sector = SECTORS[r.nextInt(SECTORS.length)];
            out.add(code.equals("HAMAS") ? new ActorRef("Hamas", "IMG", sector, "Hamas", "HAMAS", 0, 5)
                    : new ActorRef(code, code, sector, code, "kb-" + code, 0, 3));
        }
        return out;
    }

    /** The naive reading of the rule: each event adds one to each of its dyads at the level. */
    private static Map<String, long[]> naiveEdges(List<Event> events, ActorLevel level) {
        Map<String, long[]> out = new TreeMap<>();
        for (Event e : events) {
            boolean realised = EventStatus.of(e) == EventStatus.REALISED;
            Set<ActorKey> actors = keys(e.actor(), level);
            Set<ActorKey> recipients = keys(e.recipient(), level);
            Set<String> pairs = new TreeSet<>();
            if (!recipients.isEmpty()) {
                for (ActorKey a : actors) {
                    for (ActorKey b : recipients) {
                        if (!a.equals(b)) {
                            pairs.add(a + ">" + b);
                        }
                    }
                }
            } else {
                for (ActorKey a : actors) {
                    for (ActorKey b : actors) {
                        if (a.compareTo(b) < 0) {
                            pairs.add(a + ">" + b);
                        }
                    }
                }
            }
            for (String p : pairs) {
                if (realised) {
                    long[] w = out.computeIfAbsent(p, x -> new long[2]);
                    w[e.eventType().cooperative() ? 0 : 1]++;
                }
            }
        }
        return out;
    }

    /** A flow's fields with its score sums rounded, which the database may add up in another order. */
    private static List<Object> exact(Flow f) {
        return List.of(f.source(), f.target(), f.cooperation(), f.conflict(), f.refusals(), f.unrealised(), f.byType(),
                Math.round(f.goldstein() * 1e6), Math.round(f.plover() * 1e6));
    }

    /** The group level as the README states it: a country's rebels and opposition apart, Hamas by its id. */
    private static String groupKey(ActorRef r) {
        if (r.code().equals("IMG")) {
            return r.kbId();
        }
        boolean opponent = r.sector() != null && List.of("REB", "INS", "OPP").contains(r.sector());
        return opponent ? r.code() + "-" + r.sector() : r.code();
    }

    private static Set<ActorKey> keys(List<ActorRef> refs, ActorLevel level) {
        Set<ActorKey> out = new TreeSet<>();
        refs.forEach(r -> out.add(new ActorKey(level == ActorLevel.GROUP ? groupKey(r) : ActorKey.keyOf(r),
                level == ActorLevel.SECTOR ? r.sector() : null)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L})
    void networkSummedInTheDatabaseEqualsTheNetworkFoldedInJava(long seed) {
        List<Event> events = randomEvents(new Random(seed), 300);
        try (EventStore store = World.store(dir.resolve("n" + seed + ".duckdb"), events)) {
            for (ActorLevel level : ActorLevel.values()) {
                Scope scope = Scope.all().at(level).countingMentions();
                for (int[] cut : new int[][] {{1, 0}, {2, 0}, {1, 5}, {2, 3}}) {
                    ActorNetwork sql = ActorNetwork.query(store.queries(), scope, cut[0], cut[1]);
                    ActorNetwork java = ActorNetwork.of(Relations.flows(scope.totals(store.queries()), level), cut[0],
                            cut[1], store.queries().actorNames());
                    String what = level + " min " + cut[0] + " max " + cut[1];
                    assertThat(sql.edges()).as(what).map(PropertiesTest::exact)
                            .isEqualTo(java.edges().stream().map(PropertiesTest::exact).toList());
                    assertThat(sql.nodes()).as(what).isEqualTo(java.nodes());
                    assertThat(sql.edgesTotal()).as(what).isEqualTo(java.edgesTotal());
                    if (cut[1] > 0) {
                        assertThat(sql.truncated()).as(what).isTrue();
                        assertThat(sql.edges()).as(what).hasSize(cut[1]);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L})
    void edgeWeightsEqualTheSumOfTheirEvents(long seed) {
        List<Event> events = randomEvents(new Random(seed), 250);
        try (EventStore store = World.store(dir.resolve("p" + seed + ".duckdb"), events)) {
            for (ActorLevel level : ActorLevel.values()) {
                ActorNetwork net = ActorNetwork.query(store.queries(), Scope.all().at(level).countingMentions(), 1);
                Map<String, long[]> actual = new TreeMap<>();
                net.edges().forEach(f -> actual.put(f.source() + ">" + f.target(),
                        new long[] {f.cooperation(), f.conflict()}));
                Map<String, long[]> expected = naiveEdges(events, level);
                assertThat(actual.keySet()).as(level.name()).isEqualTo(expected.keySet());
                expected.forEach((k, w) -> assertThat(actual.get(k)).as(level + " " + k).containsExactly(w));
                long realisedDyadEvents = expected.values().stream().mapToLong(w -> w[0] + w[1]).sum();
                assertThat(net.edges().stream().mapToLong(Flow::events).sum()).isEqualTo(realisedDyadEvents);
            }
            // Goldstein: the sum over one country-level edge equals the sum of its realised events' scores
            ActorNetwork net = ActorNetwork.query(store.queries(), Scope.all().countingMentions(), 1);
            Flow f = net.edges().get(0);
            double expected = 0;
            for (Event e : events) {
                if (EventStatus.of(e) == EventStatus.REALISED
                        && naiveEdges(List.of(e), ActorLevel.COUNTRY).containsKey(f.source() + ">" + f.target())) {
                    expected += e.goldstein();
                }
            }
            assertThat(f.goldstein()).isCloseTo(expected, within(1e-9));
        }
    }

    /** A planted two-bloc world with noise. */
    static List<Event> plantedBlocs(Random r, int n) {
        String[][] sides = {{"AAA", "AAB", "AAC", "AAD"}, {"BBA", "BBB", "BBC"}};
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int s1 = r.nextInt(2);
            boolean within = r.nextInt(10) < 6;
            int s2 = within ? s1 : 1 - s1;
            String a = sides[s1][r.nextInt(sides[s1].length)];
            String b = sides[s2][r.nextInt(sides[s2].length)];
            if (a.equals(b)) {
                continue;
            }
            boolean coop = within ^ (r.nextInt(10) == 0);
            EventType t = coop ? (r.nextBoolean() ? EventType.AID : EventType.CONSULT)
                    : (r.nextBoolean() ? EventType.ASSAULT : EventType.ACCUSE);
            String doc = "doc" + i;
            out.add(new Event("e" + i, doc, t, null, List.of(), "000", t.quadClass(), 0, List.of(new ActorRef(a, a, "GOV",
                    a, a, 0, 3)), List.of(new ActorRef(b, b, "GOV", b, b, 0, 3)),
                    LocalDate.parse("2024-01-01").plusDays(i * 4L), DatePrecision.DAY, null, null, false,
                    Modality.ASSERTED, null, 0.5, List.of(new Evidence(doc, 0, 0, 2, "s.", "s", 0, 1)), "r", "v"));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L, 2024L})
    void blocsDoNotDependOnEventOrder(long seed) {
        Random r = new Random(seed);
        List<Event> events = plantedBlocs(r, 160);
        Map<ActorKey, Integer> first;
        try (EventStore store = World.store(dir.resolve("a" + seed + ".duckdb"), events)) {
            Blocs blocs = Blocs.query(store.queries(), Scope.all(), 1);
            first = blocs.assignment();
            assertThat(blocs.blocs()).hasSize(2);
            assertThat(blocs.blocs().get(0).members()).extracting(ActorKey::key)
                    .containsExactly("AAA", "AAB", "AAC", "AAD");
        }
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, r);
        try (EventStore store = World.store(dir.resolve("b" + seed + ".duckdb"), shuffled)) {
            Blocs blocs = Blocs.query(store.queries(), Scope.all(), 1);
            assertThat(blocs.assignment()).isEqualTo(first);
            List<Tie> ties = new ArrayList<>(Relations.ties(Scope.all().totals(store.queries()), ActorLevel.COUNTRY));
            Collections.shuffle(ties, r);
            assertThat(Blocs.of(ties).assignment()).as("pure function of its ties, in any order").isEqualTo(first);
        }
    }
}
