package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.faultline.analysis.novel.NovelDyads;
import org.faultline.analysis.novel.NovelJson;
import org.faultline.analysis.Scope;
import org.faultline.cli.Usage;
import org.faultline.query.StoredEvent;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code faultline novel --since DATE}: dyads and event types seen for the first time. */
@Command(name = "novel", mixinStandardHelpOptions = true,
        description = "Dyads never seen before DATE, and event types new to a known dyad (e.g. a first deployment), "
                + "newest first, with their first events: an analyst's morning check. --from is ignored: first "
                + "means first in the whole store.",
        footer = {"", "Example:", "  faultline novel --since 2024-10-01"})
public final class NovelCommand extends AnalysisCommand {
    @Option(names = "--since", required = true, paramLabel = "DATE", description = "First day of the new period.")
    LocalDate since;

    @Option(names = "--evidence", paramLabel = "N", description = "First events shown per novelty (default 2).")
    int evidence = 2;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Override
    int answer(Scope scope) throws IOException {
        Usage.atLeast(spec, "--evidence", evidence, 0);
        return store.answer(spec, format, s -> new Rendered(since, NovelDyads.query(s, scope, since,
                format.evidence(evidence)), s));
    }

    /** The novelties: the API's JSON, and a row each with its first events under the table. */
    record Rendered(LocalDate since, List<NovelDyads.Novelty> found, StoreQueries store) implements Answer {
        @Override
        public JsonNode json() {
            return NovelJson.of(since, found, store);
        }

        @Override
        public Table csv() {
            List<List<String>> rows = new ArrayList<>();
            for (NovelDyads.Novelty n : found) {
                rows.add(List.of(n.firstSeen().toString(), n.source().toString(), n.target().toString(),
                        n.type() == null ? "new dyad" : "first " + n.type(), Long.toString(n.events())));
            }
            return new Table(List.of("first_seen", "source", "target", "what", "events"), rows);
        }

        @Override
        public void text(PrintWriter out) {
            out.println(found.size() + " novelties since " + since);
            Output.table(out, csv());
            for (NovelDyads.Novelty n : found) {
                for (StoredEvent e : n.evidence()) {
                    out.println(Output.evidenceLine(e));
                }
            }
        }
    }
}
