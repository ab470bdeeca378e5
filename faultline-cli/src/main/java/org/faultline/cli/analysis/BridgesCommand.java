package org.faultline.cli.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.bridges.BridgesJson;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.cli.Usage;
import org.faultline.query.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline bridges}: actors tying conflict theatres together. */
@Command(name = "bridges", mixinStandardHelpOptions = true,
        description = "Actors that tie two or more conflict theatres together (e.g. a state arming one war's "
                + "belligerent and backing a party in another), ranked by their tie to their second theatre, with "
                + "evidence. Theatres are given with --theatre or found as groups linked by assaults and coercion.",
        footer = {"", "Example:", "  faultline bridges --theatre RUS~UKR --theatre ISR~PSE/HAMAS/LBN/HEZBOLLAH/YEM/IRN"})
public final class BridgesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

    @Option(names = "--theatre", paramLabel = "SIDES", description = "A theatre, sides split by ~, actors by /, "
            + "e.g. ISR~PSE/HAMAS/SYR-REB (- between sides still works where no key could read otherwise); repeat "
            + "for each (default: detected).")
    List<String> theatres = new ArrayList<>();

    @Option(names = "--min-events", paramLabel = "N", description = "Assault/coercion events that make a detected "
            + "theatre's tie (default 1).")
    int minEvents = 1;

    @Option(names = "--evidence", paramLabel = "N", description = "Evidence events per tie (default 2).")
    int evidence = 2;

    @Option(names = "--limit", paramLabel = "N", description = "At most N bridges (default 20).")
    int limit = 20;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        Usage.atLeast(spec, "--min-events", minEvents, 1);
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Usage.atLeast(spec, "--limit", limit, 0);
        Usage.option(spec, "--level", () -> store.scope(counting));
        return store.answer(spec, (s, out) -> {
            List<Theatre> given = store.theatres(spec, s, theatres);
            List<Bridges.Bridge> all = Bridges.query(s, store.scope(counting), given, minEvents, f == Format.CSV ? 0 : evidence);
            List<Bridges.Bridge> bridges = all.subList(0, Math.min(limit, all.size()));
            Map<String, String> names = s.actorNames();
            if (f == Format.JSON) {
                Output.json(out, BridgesJson.of(bridges, s));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (Bridges.Bridge b : bridges) {
                    for (Bridges.Involvement i : b.involvements()) {
                        List<String> ties = new ArrayList<>();
                        i.ties().forEach(t -> ties.add(t.other(b.actor()) + " +" + t.cooperation() + "/-" + t.conflict()));
                        rows.add(List.of(b.actor().toString(), Output.name(b.actor(), names), Long.toString(b.score()),
                                i.theatre().name(), Long.toString(i.events()), String.join("; ", ties)));
                    }
                }
                List<String> header = List.of("actor", "name", "score", "theatre", "events", "ties (+coop/-conflict)");
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(bridges.size() + " bridging actors");
                    Output.table(out, header, rows);
                    for (Bridges.Bridge b : bridges) {
                        out.println(b.actor() + ":");
                        for (Bridges.Involvement i : b.involvements()) {
                            for (StoredEvent e : i.evidence()) {
                                out.println(Output.evidenceLine(e));
                            }
                        }
                    }
                }
            }
        });
    }
}
