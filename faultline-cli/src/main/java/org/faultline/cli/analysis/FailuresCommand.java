package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.faultline.analysis.FailuresJson;
import org.faultline.model.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code faultline failures}: documents that could not be read or coded. */
@Command(name = "failures", mixinStandardHelpOptions = true,
        description = "Documents that could not be read, coded or stored, and warnings about parts left uncoded, "
                + "with the stage and the reason (--format json: the answer of GET /api/failures).",
        footer = {"", "Examples:", "  faultline failures --db faultline.duckdb --format csv > failures.csv",
            "  faultline failures --limit 20 --offset 40 --format json"})
public final class FailuresCommand implements Callable<Integer> {
    @Mixin
    DbOption db = new DbOption();

    @Mixin
    PageOptions page = new PageOptions();

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        page.check(spec);
        return db.answer(spec, format, s -> new Rendered(s.failures(page.limit(), page.offset()), s.failureCount(),
                page.limit(), page.offset()));
    }

    /** A page of failures: the API's JSON, a row each, and in the table a note when it is not all of them. */
    record Rendered(List<Failure> page, long total, int limit, int offset) implements Answer {
        @Override
        public JsonNode json() {
            return FailuresJson.of(page, total, limit, offset);
        }

        @Override
        public Table csv() {
            List<List<String>> rows = new ArrayList<>();
            page.forEach(x -> rows.add(List.of(x.origin(), x.stage(), x.docId() == null ? "" : x.docId(),
                    x.reason())));
            return new Table(List.of("origin", "stage", "doc_id", "reason"), rows);
        }

        @Override
        public void text(PrintWriter out) {
            out.println(total + " failed documents");
            Output.table(out, csv());
            if (total > page.size()) {
                out.println("(" + page.size() + " of " + total + " shown; use --limit and --offset)");
            }
        }
    }
}
