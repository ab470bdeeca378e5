package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.analysis.Tie;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.analysis.blocs.BlocsJson;
import org.faultline.analysis.Scope;
import org.faultline.cli.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline blocs}: signed-network clustering of the actors. */
@Command(name = "blocs", mixinStandardHelpOptions = true,
        description = "Partition actors into blocs so that cooperation falls within and conflict between blocs "
                + "(signed modularity, deterministic), with each actor's membership strength and the ties that decided it.",
        footer = {"", "Example:", "  faultline blocs --from 2024-01-01 --to 2024-12-31 --min-events 2"})
public final class BlocsCommand extends AnalysisCommand {
    @Option(names = "--min-events", paramLabel = "N", description = "Ignore ties with fewer realised events (default 1).")
    int minEvents = 1;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Override
    int answer(Scope scope) throws IOException {
        Usage.atLeast(spec, "--min-events", minEvents, 1);
        return store.answer(spec, format, s -> new Rendered(Blocs.query(s, scope, minEvents),
                s.actorNames()));
    }

    /** The blocs: their JSON view, and one row per member with its strength and the ties that decided it. */
    record Rendered(Blocs blocs, Map<String, String> names) implements Answer {
        @Override
        public JsonNode json() {
            return BlocsJson.of(blocs, names);
        }

        @Override
        public Table csv() {
            return new Table(List.of("bloc", "actor", "name", "strength", "deciding"), rows());
        }

        @Override
        public void text(PrintWriter out) {
            out.printf(Locale.ROOT, "%d blocs; signed modularity %.3f; %d events against the partition (conflict "
                    + "within, cooperation between)%n", blocs.blocs().size(), blocs.modularity(), blocs.frustration());
            Output.table(out, new Table(List.of("bloc", "actor", "name", "strength", "decided by (+coop/-conflict)"),
                    rows()));
        }

        private List<List<String>> rows() {
            List<List<String>> rows = new ArrayList<>();
            for (Blocs.Membership m : blocs.memberships()) {
                List<String> decided = new ArrayList<>();
                for (Tie t : m.deciding()) {
                    decided.add(t.other(m.actor()) + " +" + t.cooperation() + "/-" + t.conflict());
                }
                rows.add(List.of(Integer.toString(m.bloc()), m.actor().toString(), Output.name(m.actor(), names),
                        String.format(Locale.ROOT, "%.2f", m.strength()), String.join("; ", decided)));
            }
            return rows;
        }
    }
}
