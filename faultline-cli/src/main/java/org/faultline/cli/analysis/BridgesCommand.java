package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.bridges.BridgesJson;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.analysis.Scope;
import org.faultline.cli.Usage;
import org.faultline.query.StoredEvent;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline bridges}: actors tying conflict theatres together. */
@Command(name = "bridges", mixinStandardHelpOptions = true,
        description = "Actors that tie two or more conflict theatres together (e.g. a state arming one war's "
                + "belligerent and backing a party in another), ranked by their tie to their second theatre, with "
                + "evidence. Theatres are given with --theatre or found as groups linked by assaults and coercion.",
        footer = {"", "Example:", "  faultline bridges --theatre RUS~UKR --theatre ISR~PSE/HAMAS/LBN/HEZBOLLAH/YEM/IRN"})
public final class BridgesCommand extends AnalysisCommand {
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

    @Override
    int answer(Scope scope) throws IOException {
        Usage.atLeast(spec, "--min-events", minEvents, 1);
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Usage.atLeast(spec, "--limit", limit, 0);
        return store.answer(spec, format, s -> {
            List<Theatre> given = store.theatres(spec, s, theatres);
            List<Bridges.Bridge> all = Bridges.query(s, scope, given, minEvents,
                    format.evidence(evidence));
            return new Rendered(all.subList(0, Math.min(limit, all.size())), s);
        });
    }

    /** The bridges: the API's JSON, and a row per bridge and theatre with the evidence under the table. */
    record Rendered(List<Bridges.Bridge> bridges, StoreQueries store) implements Answer {
        @Override
        public JsonNode json() {
            return BridgesJson.of(bridges, store);
        }

        @Override
        public Table csv() {
            Map<String, String> names = store.actorNames();
            List<List<String>> rows = new ArrayList<>();
            for (Bridges.Bridge b : bridges) {
                for (Bridges.Involvement i : b.involvements()) {
                    List<String> ties = new ArrayList<>();
                    i.ties().forEach(t -> ties.add(t.other(b.actor()) + " +" + t.cooperation() + "/-" + t.conflict()));
                    rows.add(List.of(b.actor().toString(), Output.name(b.actor(), names), Long.toString(b.score()),
                            i.theatre().name(), Long.toString(i.events()), String.join("; ", ties)));
                }
            }
            return new Table(List.of("actor", "name", "score", "theatre", "events", "ties (+coop/-conflict)"), rows);
        }

        @Override
        public void text(PrintWriter out) {
            out.println(bridges.size() + " bridging actors");
            Output.table(out, csv());
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
}
