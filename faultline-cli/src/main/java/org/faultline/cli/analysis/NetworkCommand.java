package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.faultline.analysis.Flow;
import org.faultline.analysis.Scope;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.analysis.network.NetworkFormat;
import org.faultline.analysis.network.NetworkJson;
import org.faultline.cli.Usage;
import org.faultline.query.ActorKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline network}: the signed actor graph of a period. */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "The actor graph of a period: directed edges weighted by realised cooperation (+) and conflict "
                + "(-), with node activity. Exports GraphML, GEXF (Gephi), DOT (Graphviz) and JSON.",
        footer = {"", "Examples:", "  faultline network --from 2024-01-01 --to 2024-12-31 --min-events 2",
            "  faultline network --from 2024-01-01 --format gexf --out axis-2024.gexf",
            "  faultline network --collapse WEST,AXIS --min-events 2",
            "  faultline network --level country --min-events 3"})
public final class NetworkCommand extends AnalysisCommand {
    @Option(names = "--min-events", paramLabel = "N", description = "Keep edges with at least N realised events (default 1).")
    int minEvents = 1;

    @Mixin
    FormatOption.Network format = new FormatOption.Network();

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of the standard output.")
    Path outFile;

    @Option(names = "--collapse", split = ",", paramLabel = "COALITION", description = "Show a coalition (WEST, "
            + "AXIS, or one of --coalitions FILE) as one node: its members' events count as its own, events among "
            + "them drop out. Repeatable; coalitions must not overlap.")
    List<String> collapse = new ArrayList<>();

    @Override
    int answer(Scope scope) throws IOException {
        Usage.atLeast(spec, "--min-events", minEvents, 1);
        Usage.writable(spec, "--out", outFile);
        List<ActorKey> folded = new ArrayList<>();
        for (String c : collapse) {
            ActorKey k = Usage.option(spec, "--collapse", () -> ActorKey.parse(c));
            if (store.coalitions(spec).get(k.key()).isEmpty()) {
                List<String> known = new ArrayList<>();
                store.coalitions(spec).all().forEach(e -> known.add(e.coalition().name()));
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--collapse: no coalition "
                        + c + "; known: " + String.join(", ", known));
            }
            folded.add(k);
        }
        Scope asked = store.withCoalitions(scope, spec, "--collapse", folded);
        return store.answer(spec, format, outFile, s -> new Rendered(ActorNetwork.query(s, asked, minEvents),
                s.actorNames(), asked));
    }

    /**
     * The network: the API's JSON and graph files, the edges in CSV, and in the table the edges by weight and the
     * actors by activity.
     */
    record Rendered(ActorNetwork net, Map<String, String> names, Scope scope) implements Answer {
        @Override
        public JsonNode json() {
            return NetworkJson.of(net, scope);
        }

        @Override
        public Table csv() {
            return new Table(List.of("source", "target", "cooperation", "conflict", "net", "refusals", "goldstein",
                    "plover"), edgeRows(net.edges(), true));
        }

        @Override
        public void text(PrintWriter out) {
            out.println(net.nodes().size() + " actors, " + net.edges().size() + " edges with at least "
                    + net.minEvents() + " realised events");
            List<Flow> byWeight = new ArrayList<>(net.edges());
            byWeight.sort(Comparator.comparing((Flow e) -> -e.events()).thenComparing(Flow::source)
                    .thenComparing(Flow::target));
            Output.table(out, new Table(List.of("source", "target", "coop", "conflict", "net", "refused",
                    "goldstein"), edgeRows(byWeight, false)));
            out.println();
            List<ActorNetwork.Node> nodes = new ArrayList<>(net.nodes());
            nodes.sort(Comparator.comparing((ActorNetwork.Node n) -> -n.activity()).thenComparing(
                    ActorNetwork.Node::actor));
            List<List<String>> rows = new ArrayList<>();
            nodes.forEach(n -> rows.add(List.of(n.actor().toString(), Output.name(n.actor(), names),
                    Long.toString(n.activity()), Long.toString(n.cooperation()), Long.toString(n.conflict()))));
            Output.table(out, new Table(List.of("actor", "name", "activity", "coop", "conflict"), rows));
        }

        @Override
        public void write(Format format, PrintWriter out) {
            switch (format) {
                case GRAPHML, GEXF, DOT -> NetworkFormat.parse(format.name()).write(net, out);
                default -> Answer.super.write(format, out);
            }
        }

        @Override
        public String summary() {
            return net.nodes().size() + " actors and " + net.edges().size() + " edges";
        }

        private static List<List<String>> edgeRows(List<Flow> edges, boolean plover) {
            List<List<String>> rows = new ArrayList<>();
            for (Flow e : edges) {
                List<String> r = new ArrayList<>(List.of(e.source().toString(), e.target().toString(),
                        Long.toString(e.cooperation()), Long.toString(e.conflict()), Long.toString(e.net()),
                        Long.toString(e.refusals()), Output.num(e.goldstein())));
                if (plover) {
                    r.add(Output.num(e.plover()));
                }
                rows.add(r);
            }
            return rows;
        }
    }
}
