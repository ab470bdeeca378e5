package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.faultline.analysis.Scope;
import org.faultline.analysis.dyad.DyadJson;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.cli.Usage;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline dyad A B}: the relation of two actors over time. */
@Command(name = "dyad", mixinStandardHelpOptions = true,
        description = "Events between two actors (both directions) per week, month, quarter or year: realised events per quad "
                + "class and type, who acted, unrealised events, summed Goldstein and PLOVER scores, top evidence.",
        footer = {"", "Examples:", "  faultline dyad RUS PRK --by month --from 2024-01-01 --evidence 2",
            "  faultline dyad RUS HAMAS --by year"})
public final class DyadCommand extends AnalysisCommand {
    @Parameters(index = "0", paramLabel = "A", description = "First actor: country (RUS), armed group (HAMAS, HEZBOLLAH), "
            + "unnamed rebels (SYR-REB), RUS:MIL, or a coalition such as WEST.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second actor.")
    String b;

    @Option(names = "--by", paramLabel = "PERIOD", description = "week, month (default), quarter or year.")
    String by = "month";

    @Option(names = "--evidence", paramLabel = "N", description = "Evidence events per period (default 3).")
    int evidence = 3;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Override
    int answer(Scope counted) throws IOException {
        ActorKey ka = Usage.option(spec, "A", () -> ActorKey.parse(a));
        ActorKey kb = Usage.option(spec, "B", () -> ActorKey.parse(b));
        Period period = Usage.option(spec, "--by", () -> Period.parse(by));
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Scope scope = store.withCoalitions(counted, spec, "A", List.of(ka, kb));
        return store.answer(spec, format, s -> {
            store.requireStored(spec, s, "A", List.of(ka, kb));
            return new Rendered(DyadSeries.query(s, scope, ka, kb, period, evidence), scope, by, s);
        });
    }

    /**
     * The series: the API's JSON; a row per period, in CSV with a column per event type, in the table with the types
     * in one cell and the evidence under it.
     */
    record Rendered(DyadSeries series, Scope scope, String by, StoreQueries store) implements Answer {
        private static final List<String> COLUMNS = List.of("period", "events", "q1", "q2", "q3", "q4", "from_a",
                "from_b", "unrealised", "goldstein", "plover");

        @Override
        public JsonNode json() {
            return DyadJson.of(series, scope, store);
        }

        @Override
        public Table csv() {
            List<String> header = new ArrayList<>(COLUMNS);
            for (EventType t : EventType.values()) {
                header.add(t.name());
            }
            List<List<String>> rows = new ArrayList<>();
            for (DyadSeries.Row r : series.rows()) {
                List<String> row = cells(r);
                for (EventType t : EventType.values()) {
                    row.add(Long.toString(r.byType().getOrDefault(t, 0L)));
                }
                rows.add(row);
            }
            return new Table(header, rows);
        }

        @Override
        public void text(PrintWriter out) {
            List<String> header = new ArrayList<>(COLUMNS);
            header.add("types");
            List<List<String>> rows = new ArrayList<>();
            for (DyadSeries.Row r : series.rows()) {
                List<String> row = cells(r);
                row.add(types(r.byType()));
                rows.add(row);
            }
            ActorKey ka = series.a();
            ActorKey kb = series.b();
            out.println(ka + " and " + kb + " by " + by + " (from_a: " + ka + " acting, from_b: " + kb + " acting)");
            Output.table(out, new Table(header, rows));
            for (DyadSeries.Row r : series.rows()) {
                if (!r.evidence().isEmpty()) {
                    out.println(r.start() + ":");
                    for (StoredEvent e : r.evidence()) {
                        out.println(Output.evidenceLine(e));
                    }
                }
            }
        }

        private static List<String> cells(DyadSeries.Row r) {
            return new ArrayList<>(List.of(r.start().toString(), Long.toString(r.events()), Long.toString(r.quad(1)),
                    Long.toString(r.quad(2)), Long.toString(r.quad(3)), Long.toString(r.quad(4)),
                    Long.toString(r.fromA()), Long.toString(r.fromB()), Long.toString(r.unrealised()),
                    Output.num(r.goldstein()), Output.num(r.plover())));
        }

        private static String types(Map<EventType, Long> byType) {
            List<String> parts = new ArrayList<>();
            byType.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                    .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
            return String.join(", ", parts);
        }
    }
}
