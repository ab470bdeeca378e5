package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.cli.Usage;
import org.faultline.store.ActorKey;
import org.faultline.store.EventStore;
import org.faultline.store.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline faultlines A B}: where two actors' interests meet and part. */
@Command(name = "faultlines", mixinStandardHelpOptions = true,
        description = "Where the interests of A and B intersect (direct cooperation, shared partners, shared "
                + "adversaries) and where they diverge (direct conflict, refusals, one cooperating with the other's "
                + "adversary), each point with its events and sentences.",
        footer = {"", "Example:", "  faultline faultlines ISR UKR --from 2023-10-07 --evidence 2"})
public final class FaultlinesCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

    @Parameters(index = "0", paramLabel = "A", description = "First actor (ISR, HAMAS, RUS:MIL).")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second actor.")
    String b;

    @Option(names = "--evidence", paramLabel = "N", description = "Evidence events per tie of each point (default 2).")
    int evidence = 2;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json or csv.")
    String format = "table";

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format f = Usage.option(spec, "--format", () -> Format.parse(format, Format.TABLE, Format.JSON, Format.CSV));
        PrintWriter out = spec.commandLine().getOut();
        ActorKey ka = Usage.option(spec, "A", () -> ActorKey.parse(a));
        ActorKey kb = Usage.option(spec, "B", () -> ActorKey.parse(b));
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Usage.option(spec, "--level", () -> store.scope(counting));
        try (EventStore s = store.open()) {
            Faultlines fl = Faultlines.query(s, store.scope(counting), ka, kb,
                    f == Format.CSV ? 0 : evidence);
            if (f == Format.JSON) {
                ObjectNode root = Output.JSON.createObjectNode();
                root.put("a", fl.a().toString());
                root.put("b", fl.b().toString());
                points(root.putArray("intersections"), fl.intersections());
                points(root.putArray("divergences"), fl.divergences());
                Output.json(out, root);
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (Faultlines.Point p : concat(fl)) {
                    rows.add(List.of(p.kind().intersection() ? "intersection" : "divergence", kind(p),
                            p.third() == null ? "" : p.third().toString(), Long.toString(p.weight()), p.summary()));
                }
                List<String> header = List.of("side", "kind", "third", "weight", "summary");
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println("Faultlines of " + fl.a() + " and " + fl.b() + ": " + fl.intersections().size()
                            + " intersections, " + fl.divergences().size() + " divergences");
                    Output.table(out, header, rows);
                    for (Faultlines.Point p : concat(fl)) {
                        if (!p.evidence().isEmpty()) {
                            out.println(p.summary() + ":");
                            for (StoredEvent e : p.evidence()) {
                                out.println(Output.evidenceLine(e));
                            }
                        }
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    private static List<Faultlines.Point> concat(Faultlines fl) {
        List<Faultlines.Point> all = new ArrayList<>(fl.intersections());
        all.addAll(fl.divergences());
        return all;
    }

    private static String kind(Faultlines.Point p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }

    private static void points(ArrayNode arr, List<Faultlines.Point> points) {
        for (Faultlines.Point p : points) {
            ObjectNode n = arr.addObject();
            n.put("kind", kind(p));
            n.put("third", p.third() == null ? null : p.third().toString());
            n.put("weight", p.weight());
            n.put("summary", p.summary());
            n.set("evidence", Output.evidence(p.evidence()));
        }
    }
}
