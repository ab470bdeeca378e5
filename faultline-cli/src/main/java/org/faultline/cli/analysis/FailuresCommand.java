package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.faultline.model.Failure;
import org.faultline.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline failures}: documents that could not be read or coded. */
@Command(name = "failures", mixinStandardHelpOptions = true,
        description = "Documents that could not be read, coded or stored, with the stage and the reason.",
        footer = {"", "Example:", "  faultline failures --db faultline.duckdb --format csv > failures.csv"})
public final class FailuresCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Store (default ./faultline.duckdb); it must exist.")
    String db;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format f = format.get();
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore opened = EventStore.openExisting(db)) {
            List<Failure> failures = opened.queries().failures();
            if (f == Format.JSON) {
                ObjectNode root = Output.JSON.createObjectNode();
                root.put("count", failures.size());
                ArrayNode arr = root.putArray("failures");
                for (Failure x : failures) {
                    ObjectNode n = arr.addObject();
                    n.put("origin", x.origin());
                    n.put("doc_id", x.docId());
                    n.put("stage", x.stage());
                    n.put("reason", x.reason());
                }
                Output.json(out, root);
            } else {
                List<List<String>> rows = new ArrayList<>();
                failures.forEach(x -> rows.add(List.of(x.origin(), x.stage(), x.docId() == null ? "" : x.docId(),
                        x.reason())));
                List<String> header = List.of("origin", "stage", "doc_id", "reason");
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(failures.size() + " failed documents");
                    Output.table(out, header, rows);
                }
            }
        }
        out.flush();
        return 0;
    }
}
