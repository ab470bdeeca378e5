package org.faultline.cli.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.faultline.analysis.Scope;
import org.faultline.analysis.brief.BriefHtml;
import org.faultline.analysis.brief.BriefMarkdown;
import org.faultline.analysis.brief.Briefing;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.cli.Usage;
import org.faultline.query.ActorKey;
import org.faultline.query.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code faultline brief A B [C ...]}: a briefing on the parties, as one self-contained HTML file or Markdown. */
@Command(name = "brief", mixinStandardHelpOptions = true,
        description = "A briefing an analyst can hand on: the question and period, the coalitions' members, a network "
                + "picture of the parties with their partners and adversaries, the faultlines (pairs, what all share, "
                + "where one stands apart) over the whole period and per quarter or year with turning points, the "
                + "cross-theatre bridges, and for every claim its sentences and sources. One HTML file that needs no "
                + "network to open (inline CSS and SVG, no script), or Markdown.",
        footer = {"", "Examples:", "  faultline brief WEST ISR UKR --from 2022-01-01 --to 2025-06-30 -o brief.html",
            "  faultline brief WEST ISR UKR --format md --server-url http://127.0.0.1:8080 -o brief.md", "",
            "Without --from the briefing begins with the first quarter (or year) of the bulk of the parties' realised",
            "events: leading periods a year or more before the rest that hold under 5%% of those events are left out."})
public final class BriefCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(arity = "2..*", paramLabel = "ACTOR", description = "Two or more parties (ISR, UKR, HAMAS, or a "
            + "coalition such as WEST).")
    List<String> parties = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write the briefing here (default: the "
            + "standard output).")
    Path outFile;

    @Mixin
    FormatOption.Brief format = new FormatOption.Brief();

    @Option(names = "--by", paramLabel = "PERIOD", description = "quarter (default) or year.")
    String by = "quarter";

    @Option(names = "--server-url", paramLabel = "URL", description = "Link each sentence to its document in the "
            + "desk at this address (faultline serve), e.g. http://127.0.0.1:8080.")
    String serverUrl;

    @Option(names = "--evidence", paramLabel = "N", description = "Sentences per tie of each point (default 2).")
    int evidence = 2;

    @Option(names = "--neighbours", paramLabel = "N", description = "Partners and adversaries drawn per party "
            + "(default 6).")
    int neighbours = 6;

    @Option(names = "--theatre", paramLabel = "SIDES", description = "A theatre for the bridges, sides split by ~, "
            + "actors by /, e.g. ISR~PSE/HAMAS/SYR-REB (- between sides still works where no key could read "
            + "otherwise); repeat for each (default: detected).")
    List<String> theatres = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ActorKey> keys = new ArrayList<>();
        for (String p : parties) {
            keys.add(Usage.option(spec, "ACTOR", () -> ActorKey.parse(p)));
        }
        Usage.option(spec, "ACTOR", () -> PartyFaultlines.of(keys, List.of()));
        Period period = Usage.option(spec, "--by", () -> {
            Period x = Period.parse(by);
            if (x != Period.QUARTER && x != Period.YEAR) {
                throw new IllegalArgumentException("a briefing goes by quarter or year, not " + by);
            }
            return x;
        });
        Usage.atLeast(spec, "--evidence", evidence, 1);
        Usage.atLeast(spec, "--neighbours", neighbours, 0);
        Usage.writable(spec, "--out", outFile);
        if (serverUrl != null && !serverUrl.matches("(?i)https?://\\S+")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--server-url: '" + serverUrl
                    + "' is not an http(s) address such as http://127.0.0.1:8080");
        }
        Scope asked = store.withCoalitions(store.scope(), spec, "ACTOR", keys);
        return store.answer(spec, format, outFile, s -> {
            store.requireStored(spec, s, "ACTOR", keys);
            Briefing.Question q = new Briefing.Question(keys, period, evidence, neighbours,
                    store.theatres(spec, s, theatres));
            Scope scope = asked;
            if (scope.from() == null) {
                // no --from: begin with the bulk of the parties' events, not a straggler years before it
                Optional<LocalDate> start = FaultlineTimeline.bulkStart(s, scope, keys, period);
                if (start.isPresent() && (scope.to() == null || !start.get().isAfter(scope.to()))) {
                    scope = scope.during(start.get(), scope.to());
                    spec.commandLine().getErr().println("no --from: the briefing begins on " + start.get() + ", the "
                            + "first " + period.name().toLowerCase(Locale.ROOT) + " of the bulk of the parties' events");
                }
            }
            return new Rendered(Briefing.query(s, scope, store.coalitions(spec), q), parties, serverUrl);
        });
    }

    /** A briefing as one self-contained HTML page or as Markdown, its sentences linked to the desk at serverUrl. */
    record Rendered(Briefing briefing, List<String> parties, String serverUrl) implements Answer {
        @Override
        public void write(Format format, PrintWriter out) {
            out.print(format == Format.MD ? BriefMarkdown.render(briefing, serverUrl)
                    : BriefHtml.render(briefing, serverUrl));
        }

        @Override
        public String summary() {
            return "a briefing on " + String.join(", ", parties) + " (" + briefing.all().events() + " events from "
                    + briefing.all().documents() + " documents)";
        }
    }
}
