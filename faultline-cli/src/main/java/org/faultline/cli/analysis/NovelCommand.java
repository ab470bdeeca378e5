package org.faultline.cli.analysis;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.faultline.analysis.novel.NovelDyads;
import org.faultline.analysis.novel.NovelJson;
import org.faultline.cli.Usage;
import org.faultline.query.StoredEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code faultline novel --since DATE}: dyads and event types seen for the first time. */
@Command(name = "novel", mixinStandardHelpOptions = true,
        description = "Dyads never seen before DATE, and event types new to a known dyad (e.g. a first deployment), "
                + "newest first, with their first events: an analyst's morning check. --from is ignored: first "
                + "means first in the whole store.",
        footer = {"", "Example:", "  faultline novel --since 2024-10-01"})
public final class NovelCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    CountingOptions counting = new CountingOptions();

    @Option(names = "--since", required = true, paramLabel = "DATE", description = "First day of the new period.")
    LocalDate since;

    @Option(names = "--evidence", paramLabel = "N", description = "First events shown per novelty (default 2).")
    int evidence = 2;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Format f = format.get();
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Usage.option(spec, "--level", () -> store.scope(counting));
        return store.answer(spec, (s, out) -> {
            List<NovelDyads.Novelty> found = NovelDyads.query(s, store.scope(counting), since, f == Format.CSV ? 0 : evidence);
            if (f == Format.JSON) {
                Output.json(out, NovelJson.of(since, found, s));
            } else {
                List<List<String>> rows = new ArrayList<>();
                for (NovelDyads.Novelty n : found) {
                    rows.add(List.of(n.firstSeen().toString(), n.source().toString(), n.target().toString(),
                            n.type() == null ? "new dyad" : "first " + n.type(), Long.toString(n.events())));
                }
                List<String> header = List.of("first_seen", "source", "target", "what", "events");
                if (f == Format.CSV) {
                    Output.csv(out, header, rows);
                } else {
                    out.println(found.size() + " novelties since " + since);
                    Output.table(out, header, rows);
                    for (NovelDyads.Novelty n : found) {
                        for (StoredEvent e : n.evidence()) {
                            out.println(Output.evidenceLine(e));
                        }
                    }
                }
            }
        });
    }
}
