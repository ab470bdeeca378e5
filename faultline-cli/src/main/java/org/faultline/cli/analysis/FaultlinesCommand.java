package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.faultline.analysis.Scope;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.FaultlinesJson;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.cli.Usage;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;
import org.faultline.query.Period;
import org.faultline.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline faultlines A B [C ...]}: where two or more actors' interests meet and part. */
@Command(name = "faultlines", mixinStandardHelpOptions = true,
        description = "Where the interests of two or more actors intersect (direct cooperation, shared partners, shared "
                + "adversaries) and where they diverge (direct conflict, refusals, one cooperating with the other's "
                + "adversary), each point with its events and sentences. With three or more: also what all share and "
                + "where one stands apart from the others. Actors may be coalitions (WEST, AXIS; see --coalitions).",
        footer = {"", "Examples:", "  faultline faultlines ISR UKR --from 2023-10-07 --evidence 2",
            "  faultline faultlines WEST ISR UKR --by quarter --from 2022-01-01"})
public final class FaultlinesCommand extends AnalysisCommand {
    @Parameters(arity = "2..*", paramLabel = "ACTOR", description = "Two or more actors (ISR, HAMAS, RUS:MIL, WEST).")
    List<String> parties = new ArrayList<>();

    @Option(names = "--evidence", paramLabel = "N", description = "Evidence events per tie of each point (default 2).")
    int evidence = 2;

    @Option(names = "--by", paramLabel = "PERIOD", description = "Also per quarter or year: each point's weight per "
            + "period and its turning points (appeared, rose, fell, faded).")
    String by;

    @Mixin
    FormatOption.Tables format = new FormatOption.Tables();

    @Override
    int answer(Scope counted) throws IOException {
        List<ActorKey> keys = new ArrayList<>();
        for (String p : parties) {
            keys.add(Usage.option(spec, "ACTOR", () -> ActorKey.parse(p)));
        }
        Period period = by == null ? null : Usage.option(spec, "--by", () -> {
            Period x = Period.parse(by);
            if (x != Period.QUARTER && x != Period.YEAR) {
                throw new IllegalArgumentException("faultlines go by quarter or year, not " + by);
            }
            return x;
        });
        Usage.atLeast(spec, "--evidence", evidence, 0);
        Scope scope = store.withCoalitions(counted, spec, "ACTOR", keys);
        Usage.option(spec, "ACTOR", () -> PartyFaultlines.of(keys, List.of()));
        return store.answer(spec, format, s -> {
            store.requireStored(spec, s, "ACTOR", keys);
            PartyFaultlines pf = PartyFaultlines.query(s, scope, keys, format.evidence(evidence));
            return new Rendered(pf, period == null ? null : FaultlineTimeline.query(s, scope, pf, period), scope, s);
        });
    }

    /**
     * The faultlines of two parties, or of each pair of several and of all: the API's JSON (with the timeline when
     * asked by period); one CSV of every point (of two parties without a timeline, the pair's columns only); in the
     * table each pair's points and evidence, what all share, and the timeline with its turning points.
     */
    record Rendered(PartyFaultlines pf, FaultlineTimeline timeline, Scope scope, StoreQueries store)
            implements Answer {
        @Override
        public JsonNode json() {
            ObjectNode answer = pf.parties().size() == 2
                    ? FaultlinesJson.of(pf.pairs().get(0), scope.coalitions(), store)
                    : FaultlinesJson.of(pf, scope.coalitions(), store);
            return timeline == null ? answer : FaultlinesJson.withTimeline(answer, timeline);
        }

        @Override
        public Table csv() {
            return FaultlinesCommand.csv(pf, timeline);
        }

        @Override
        public void text(PrintWriter out) {
            table(out, pf, timeline, scope);
        }
    }

    private static void table(PrintWriter out, PartyFaultlines pf, FaultlineTimeline timeline, Scope scope) {
        for (Coalition c : scope.coalitions()) {
            out.println(c.name() + " = " + StoreOptions.members(c));
        }
        boolean many = pf.parties().size() > 2;
        if (many) {
            out.println("Faultlines of " + String.join(", ", names(pf.parties())) + ": " + pf.pairs().size()
                    + " pairs, " + pf.shared().size() + " shared by all, " + pf.apart().size() + " where one stands apart");
        }
        List<String> header = List.of("side", "kind", "third", "weight", "summary");
        for (Faultlines fl : pf.pairs()) {
            if (many) {
                out.println();
            }
            out.println("Faultlines of " + fl.a() + " and " + fl.b() + ": " + fl.intersections().size()
                    + " intersections, " + fl.divergences().size() + " divergences");
            Output.table(out, new Table(header, pairRows(fl)));
            for (Faultlines.Point p : concat(fl)) {
                if (!p.evidence().isEmpty()) {
                    out.println(p.summary() + ":");
                    p.evidence().forEach(e -> out.println(Output.evidenceLine(e)));
                }
            }
        }
        if (many) {
            out.println();
            out.println("All of " + String.join(", ", names(pf.parties())) + ": " + pf.shared().size()
                    + " shared, " + pf.apart().size() + " apart");
            Output.table(out, new Table(List.of("side", "kind", "party", "third", "weight", "summary"),
                    partyRows(pf)));
            for (PartyFaultlines.Point p : concat(pf)) {
                if (!p.evidence().isEmpty()) {
                    out.println(p.summary() + ":");
                    p.evidence().forEach(e -> out.println(Output.evidenceLine(e)));
                }
            }
        }
        if (timeline != null) {
            out.println();
            out.println("By " + timeline.by().name().toLowerCase(Locale.ROOT) + " (weight per period; events on the "
                    + "parties' ties: " + eventsPerBucket(timeline) + ")");
            List<String> th = new ArrayList<>(List.of("point"));
            timeline.buckets().forEach(b -> th.add(b.label()));
            th.add("whole");
            List<List<String>> rows = new ArrayList<>();
            for (FaultlineTimeline.Series x : timeline.series()) {
                List<String> r = new ArrayList<>(List.of(Output.shorten((x.intersection() ? "+ " : "- ") + x.summary(),
                        70)));
                x.weights().forEach(w -> r.add(Long.toString(w)));
                r.add(Long.toString(x.whole()));
                rows.add(r);
            }
            Output.table(out, new Table(th, rows));
            out.println("Turning points (first period above 0: appeared; at least 3 events and 2 standard deviations "
                    + "of a Poisson count from the mean of up to 4 periods before: rose/fell; 0 for the last 2 or more "
                    + "periods: faded):");
            for (FaultlineTimeline.Series x : timeline.series()) {
                for (FaultlineTimeline.Turn t : x.turns()) {
                    out.println("    " + timeline.buckets().get(t.bucket()).label() + "  " + turn(t) + "  "
                            + x.summary());
                }
            }
        }
    }

    static String turn(FaultlineTimeline.Turn t) {
        switch (t.change()) {
            case APPEARED:
                return "appeared (" + t.weight() + ")";
            case FADED:
                return "faded (from a mean of " + Output.num(t.baseline()) + ")";
            default:
                return t.change().name().toLowerCase(Locale.ROOT) + " (" + Output.num(t.baseline()) + " -> "
                        + t.weight() + ")";
        }
    }

    private static String eventsPerBucket(FaultlineTimeline t) {
        List<String> parts = new ArrayList<>();
        t.buckets().forEach(b -> parts.add(b.label() + " " + b.events()));
        return String.join(", ", parts);
    }

    private static Table csv(PartyFaultlines pf, FaultlineTimeline timeline) {
        List<String> header = new ArrayList<>(List.of("pair", "side", "kind", "party", "third", "weight", "summary"));
        if (timeline != null) {
            timeline.buckets().forEach(b -> header.add(b.label()));
        }
        Map<String, FaultlineTimeline.Series> series = new java.util.HashMap<>();
        if (timeline != null) {
            timeline.series().forEach(x -> series.put(x.key(), x));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Faultlines fl : pf.pairs()) {
            for (Faultlines.Point p : concat(fl)) {
                List<String> r = new ArrayList<>(List.of(fl.a() + "-" + fl.b(), side(p.kind().intersection()),
                        kind(p.kind()), "", p.third() == null ? "" : p.third().toString(), Long.toString(p.weight()),
                        p.summary()));
                addWeights(r, series.get(FaultlineTimeline.pairKey(fl.a(), fl.b(), p)));
                rows.add(r);
            }
        }
        for (PartyFaultlines.Point p : concat(pf)) {
            List<String> r = new ArrayList<>(List.of("all", side(p.kind().intersection()), kind(p.kind()),
                    p.party() == null ? "" : p.party().toString(), p.third() == null ? "" : p.third().toString(),
                    Long.toString(p.weight()), p.summary()));
            addWeights(r, series.get(p.key()));
            rows.add(r);
        }
        if (pf.parties().size() == 2 && timeline == null) {
            List<List<String>> two = new ArrayList<>();
            rows.forEach(r -> two.add(List.of(r.get(1), r.get(2), r.get(4), r.get(5), r.get(6))));
            return new Table(List.of("side", "kind", "third", "weight", "summary"), two);
        }
        return new Table(header, rows);
    }

    private static void addWeights(List<String> row, FaultlineTimeline.Series s) {
        if (s != null) {
            s.weights().forEach(w -> row.add(Long.toString(w)));
        }
    }

    private static List<String> names(List<ActorKey> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.toString()));
        return out;
    }

    private static List<List<String>> pairRows(Faultlines fl) {
        List<List<String>> rows = new ArrayList<>();
        for (Faultlines.Point p : concat(fl)) {
            rows.add(List.of(side(p.kind().intersection()), kind(p.kind()), p.third() == null ? "" : p.third().toString(),
                    Long.toString(p.weight()), p.summary()));
        }
        return rows;
    }

    private static List<List<String>> partyRows(PartyFaultlines pf) {
        List<List<String>> rows = new ArrayList<>();
        for (PartyFaultlines.Point p : concat(pf)) {
            rows.add(List.of(side(p.kind().intersection()), kind(p.kind()), p.party() == null ? "" : p.party().toString(),
                    p.third() == null ? "" : p.third().toString(), Long.toString(p.weight()), p.summary()));
        }
        return rows;
    }

    private static String side(boolean intersection) {
        return intersection ? "intersection" : "divergence";
    }

    private static List<Faultlines.Point> concat(Faultlines fl) {
        List<Faultlines.Point> all = new ArrayList<>(fl.intersections());
        all.addAll(fl.divergences());
        return all;
    }

    private static List<PartyFaultlines.Point> concat(PartyFaultlines pf) {
        List<PartyFaultlines.Point> all = new ArrayList<>(pf.shared());
        all.addAll(pf.apart());
        return all;
    }

    private static String kind(Enum<?> k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
