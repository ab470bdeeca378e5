package org.faultline.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.model.ActorRef;
import org.faultline.model.DatePrecision;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.model.Evidence;
import org.faultline.model.Location;
import org.faultline.model.Modality;
import org.faultline.query.ActorKey;
import org.faultline.query.Period;
import org.faultline.store.EventStore;

/**
 * Loads N synthetic events into a DuckDB file with the bulk loader (unless it already holds them) and times
 * {@code dyad} and {@code network} over them. Not a unit test: run it by hand, e.g.
 * <pre>
 *   mvn -q -pl faultline-analysis test-compile exec:exec ... or
 *   java -cp "$(cat cp.txt):faultline-analysis/target/test-classes:faultline-analysis/target/classes" \
 *        org.faultline.analysis.AnalysisBenchmark /tmp/bench.duckdb 10000000
 * </pre>
 * Prints one line per measurement. Synthetic events: 60 actors with a skewed choice (RUS-UKR the busiest
 * pair), four sectors, every type, dates over 2015-2025, a tenth unrealised.
 */
public final class AnalysisBenchmark {
    private AnalysisBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long n = Long.parseLong(args[1]);
        boolean fresh = !Files.exists(file);
        try (EventStore store = EventStore.open(file.toString())) {
            if (fresh) {
                long t0 = System.nanoTime();
                long loaded = store.writer().bulkLoad(synthetic(n, 20261126L));
                double s = (System.nanoTime() - t0) / 1e9;
                System.out.printf("load %d events in %.1f s (%.0f events/s)%n", loaded, s, loaded / s);
            }
            System.out.printf("store holds %d events%n", store.queries().eventCount());
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                ActorNetwork net = ActorNetwork.query(store.queries(), Scope.between(LocalDate.parse("2015-01-01"),
                        LocalDate.parse("2025-12-31")), 1);
                double tn = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                ActorNetwork year = ActorNetwork.query(store.queries(), Scope.between(LocalDate.parse("2024-01-01"),
                        LocalDate.parse("2024-12-31")), 5);
                double ty = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                DyadSeries d = DyadSeries.query(store.queries(), Scope.all(), ActorKey.of("RUS"), ActorKey.of("UKR"),
                        Period.MONTH, 3);
                double td = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                DyadSeries w = DyadSeries.query(store.queries(), Scope.between(LocalDate.parse("2024-01-01"),
                        LocalDate.parse("2024-12-31")), ActorKey.of("IRN"), ActorKey.of("ISR"), Period.WEEK, 3);
                double tw = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: network all years %.2f s (%d edges); network 2024 %.2f s (%d edges); "
                        + "dyad RUS-UKR by month, 3 evidence %.2f s (%d months); dyad IRN-ISR 2024 by week %.2f s "
                        + "(%d weeks)%n", round, tn, net.edges().size(), ty, year.edges().size(), td, d.rows().size(),
                        tw, w.rows().size());
            }
        }
    }

    static final String[] CODES = new String[60];

    static {
        String[] named = {"RUS", "UKR", "USA", "ISR", "IRN", "PSE", "LBN", "YEM", "PRK", "CHN", "GBR", "FRA", "DEU",
            "TUR", "SYR", "IRQ", "SAU", "QAT", "EGY", "POL"};
        for (int i = 0; i < CODES.length; i++) {
            CODES[i] = i < named.length ? named[i] : String.format("X%02d", i);
        }
    }

    private static final String[] SECTORS = {"GOV", "MIL", "CVL", "REB"};

    /** Deterministic synthetic events; skewed so that low indexes (RUS, UKR, ...) are busiest. */
    static Iterator<Event> synthetic(long n, long seed) {
        Random r = new Random(seed);
        EventType[] types = EventType.values();
        LocalDate start = LocalDate.parse("2015-01-01");
        return new Iterator<>() {
            long i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Event next() {
                long k = i++;
                int a = skewed(r);
                int b = skewed(r);
                if (b == a) {
                    b = (a + 1) % CODES.length;
                }
                EventType t = types[r.nextInt(types.length)];
                String doc = "d" + (k / 3);
                String sentence = CODES[a] + " and " + CODES[b] + " event " + k + ".";
                Modality m = r.nextInt(10) == 0 ? Modality.REFUSED : Modality.ASSERTED;
                return new Event("e" + k, doc, t, null, List.of(), "000", t.quadClass(), t.ploverScore() / 2,
                        List.of(new ActorRef(CODES[a], CODES[a], SECTORS[r.nextInt(4)], null, null, 0, 3)),
                        List.of(new ActorRef(CODES[b], CODES[b], SECTORS[r.nextInt(4)], null, null, 8, 11)),
                        start.plusDays(r.nextInt(4018)), DatePrecision.DAY,
                        new Location(null, CODES[r.nextBoolean() ? a : b], null, null, null), null, false, m, null,
                        0.5 + r.nextInt(50) / 100.0, List.of(new Evidence(doc, 0, 0, sentence.length(), sentence,
                        "event", 0, 5)), "bench", "bench");
            }
        };
    }

    private static int skewed(Random r) {
        double u = r.nextDouble();
        return Math.min(CODES.length - 1, (int) (CODES.length * u * u * u));
    }
}
