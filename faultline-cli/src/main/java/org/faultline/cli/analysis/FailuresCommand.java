package org.faultline.cli.analysis;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.faultline.analysis.FailuresJson;
import org.faultline.cli.Usage;
import org.faultline.model.Failure;
import org.faultline.store.EventStore;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline failures}: documents that could not be read or coded. */
@Command(name = "failures", mixinStandardHelpOptions = true,
        description = "Documents that could not be read, coded or stored, and warnings about parts left uncoded, "
                + "with the stage and the reason (--format json: the answer of GET /api/failures).",
        footer = {"", "Examples:", "  faultline failures --db faultline.duckdb --format csv > failures.csv",
            "  faultline failures --limit 20 --offset 40 --format json"})
public final class FailuresCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Store (default ./faultline.duckdb); it must exist.")
    String db;

    @Option(names = "--limit", paramLabel = "N", description = "At most N failures (default 0 = all).")
    int limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N failures.")
    int offset;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Format f = format.get();
        Usage.atLeast(spec, "--limit", limit, 0);
        Usage.atLeast(spec, "--offset", offset, 0);
        PrintWriter out = spec.commandLine().getOut();
        try (EventStore opened = EventStore.openExisting(db)) {
            StoreQueries s = opened.queries();
            List<Failure> page = s.failures(limit, offset);
            long total = s.failureCount();
            if (f == Format.JSON) {
                Output.json(out, FailuresJson.of(page, total, limit, offset));
            } else {
                List<List<String>> rows = new ArrayList<>();
                page.forEach(x -> rows.add(List.of(x.origin(), x.stage(), x.docId() == null ? "" : x.docId(),
                        x.reason())));
                List<String> header = List.of("origin", "stage", "doc_id", "reason");
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(total + " failed documents");
                    Output.table(out, header, rows);
                    if (total > page.size()) {
                        out.println("(" + page.size() + " of " + total + " shown; use --limit and --offset)");
                    }
                }
            }
        }
        out.flush();
        return 0;
    }
}
