package org.faultline.cli.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.faultline.analysis.Scope;
import org.faultline.analysis.dyad.DyadJson;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.cli.Usage;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline dyad A B}: the relation of two actors over time. */
@Command(name = "dyad", mixinStandardHelpOptions = true,
        description = "Events between two actors (both directions) per week, month, quarter or year: realised events per quad "
                + "class and type, who acted, unrealised events, summed Goldstein and PLOVER scores, top evidence.",
        footer = {"", "Examples:", "  faultline dyad RUS PRK --by month --from 2024-01-01 --evidence 2",
            "  faultline dyad RUS HAMAS --by year"})
public final class DyadCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        ActorKey ka = Usage.option(spec, "A", () -> ActorKey.parse(a));
        ActorKey kb = Usage.option(spec, "B", () -> ActorKey.parse(b));
        Period period = Usage.option(spec, "--by", () -> Period.parse(by));
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Scope scope = store.withCoalitions(Usage.option(spec, "--level", () -> store.scope(counting)), spec, "A",
                List.of(ka, kb));
        return store.answer(spec, (s, out) -> {
            store.requireStored(spec, s, "A", List.of(ka, kb));
            DyadSeries series = DyadSeries.query(s, scope, ka, kb, period, evidence);
            if (f == Format.JSON) {
                Output.json(out, DyadJson.of(series, scope, s));
            } else {
                List<String> header = new ArrayList<>(List.of("period", "events", "q1", "q2", "q3", "q4", "from_a",
                        "from_b", "unrealised", "goldstein", "plover"));
                if (f == Format.CSV) {
                    for (EventType t : EventType.values()) {
                        header.add(t.name());
                    }
                } else {
                    header.add("types");
                }
                List<List<String>> rows = new ArrayList<>();
                for (DyadSeries.Row r : series.rows()) {
                    List<String> row = new ArrayList<>(List.of(r.start().toString(), Long.toString(r.events()),
                            Long.toString(r.quad(1)), Long.toString(r.quad(2)), Long.toString(r.quad(3)),
                            Long.toString(r.quad(4)), Long.toString(r.fromA()), Long.toString(r.fromB()),
                            Long.toString(r.unrealised()), Output.num(r.goldstein()), Output.num(r.plover())));
                    if (f == Format.CSV) {
                        for (EventType t : EventType.values()) {
                            row.add(Long.toString(r.byType().getOrDefault(t, 0L)));
                        }
                    } else {
                        row.add(types(r.byType()));
                    }
                    rows.add(row);
                }
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(ka + " and " + kb + " by " + by + " (from_a: " + ka + " acting, from_b: " + kb
                            + " acting)");
                    Output.table(out, header, rows);
                    for (DyadSeries.Row r : series.rows()) {
                        if (!r.evidence().isEmpty()) {
                            out.println(r.start() + ":");
                            for (StoredEvent e : r.evidence()) {
                                out.println(Output.evidenceLine(e));
                            }
                        }
                    }
                }
            }
        });
    }

    private static String types(Map<EventType, Long> byType) {
        List<String> parts = new ArrayList<>();
        byType.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
                .forEach(e -> parts.add(e.getKey() + " " + e.getValue()));
        return String.join(", ", parts);
    }
}
