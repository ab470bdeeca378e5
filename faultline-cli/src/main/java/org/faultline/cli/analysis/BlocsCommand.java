package org.faultline.cli.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.faultline.analysis.Tie;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.analysis.blocs.BlocsJson;
import org.faultline.cli.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline blocs}: signed-network clustering of the actors. */
@Command(name = "blocs", mixinStandardHelpOptions = true,
        description = "Partition actors into blocs so that cooperation falls within and conflict between blocs "
                + "(signed modularity, deterministic), with each actor's membership strength and the ties that decided it.",
        footer = {"", "Example:", "  faultline blocs --from 2024-01-01 --to 2024-12-31 --min-events 2"})
public final class BlocsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

    @Option(names = "--min-events", paramLabel = "N", description = "Ignore ties with fewer realised events (default 1).")
    int minEvents = 1;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        Usage.atLeast(spec, "--min-events", minEvents, 1);
        Usage.option(spec, "--level", () -> store.scope(counting));
        return store.answer(spec, (s, out) -> {
            Blocs blocs = Blocs.query(s, store.scope(counting), minEvents);
            Map<String, String> names = s.actorNames();
            if (f == Format.JSON) {
                Output.json(out, BlocsJson.of(blocs, names));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (Blocs.Membership m : blocs.memberships()) {
                    List<String> decided = new ArrayList<>();
                    for (Tie t : m.deciding()) {
                        decided.add(t.other(m.actor()) + " +" + t.cooperation() + "/-" + t.conflict());
                    }
                    rows.add(List.of(Integer.toString(m.bloc()), m.actor().toString(), Output.name(m.actor(), names),
                            String.format(java.util.Locale.ROOT, "%.2f", m.strength()), String.join("; ", decided)));
                }
                if (f == Format.CSV) {
                    Output.csv(out, List.of("bloc", "actor", "name", "strength", "deciding"), rows);
                } else {
                    out.printf(java.util.Locale.ROOT, "%d blocs; signed modularity %.3f; %d events against the "
                            + "partition (conflict within, cooperation between)%n", blocs.blocs().size(),
                            blocs.modularity(), blocs.frustration());
                    Output.table(out, List.of("bloc", "actor", "name", "strength", "decided by (+coop/-conflict)"),
                            rows);
                }
            }
        });
    }
}
