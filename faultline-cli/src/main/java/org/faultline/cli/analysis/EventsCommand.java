package org.faultline.cli.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.cli.Usage;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.EventFilter;
import org.faultline.query.EventStatus;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.store.EventStore;
import org.faultline.store.StoreQueries;
import org.faultline.store.ParquetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code faultline events}: stored events matching filters. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "List stored events matching filters (oldest first unless --order says otherwise) as a table, JSON, JSON Lines, CSV, "
                + "GDELT 2.0 event-table rows (tab-separated, no header) or a Parquet file (the CSV's columns, typed; needs -o).",
        footer = {"", "Examples:", "  faultline events --actor RUS --recipient UKR --type ASSAULT --from 2024-01-01",
            "  faultline events --either PRK --quad 4 --format jsonl > prk.jsonl",
            "  faultline events --actor HAMAS --limit 5",
            "  faultline events --text drones --format gdelt > events.gdelt.tsv",
            "  faultline events --limit 0 --format parquet -o events.parquet"})
public final class EventsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--actor", paramLabel = "ACTOR", description = "Acting actor: country code (RUS), armed group (HAMAS, HEZBOLLAH), "
            + "a country's unnamed rebels (SYR-REB), CODE:SECTOR (RUS:MIL) or a coalition (WEST).")
    String actor;

    @Option(names = "--recipient", paramLabel = "ACTOR", description = "Recipient actor.")
    String recipient;

    @Option(names = "--either", paramLabel = "ACTOR", description = "Actor on either side.")
    String either;

    @Option(names = "--type", split = ",", paramLabel = "TYPE", description = "PLOVER types, e.g. AID,ASSAULT.")
    List<String> types = new ArrayList<>();

    @Option(names = "--quad", split = ",", paramLabel = "N", description = "Quad classes 1-4.")
    List<Integer> quads = new ArrayList<>();

    @Option(names = "--place", paramLabel = "ISO3", description = "Location country (ISO 3166-1 alpha-3).")
    String place;

    @Option(names = "--text", paramLabel = "WORDS", description = "Evidence sentence contains these words (any case).")
    String text;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "realised, negated, refused, future, hypothetical (default: all).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--low-confidence", arity = "0..1", fallbackValue = "0.5", paramLabel = "C",
            description = "Only events with confidence below C (default 0.5 when given without a value): with the gate on,"
                    + " the rules' events the encoder disagrees with, for review first.")
    Double lowConfidence;

    @Option(names = "--stories", description = "One row per merged event (its earliest mention).")
    boolean stories;

    @Mixin
    PageOptions page = new PageOptions(100);

    @Option(names = "--order", paramLabel = "ORDER", description = "date (default, oldest first), newest, or salience "
            + "(most reported first).")
    String order = "date";

    @Mixin
    FormatOption.Events format = new FormatOption.Events();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (replaced) instead of standard "
            + "output; needed for --format parquet.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (format.get() == Format.PARQUET && output == null) {
            throw new ParameterException(spec.commandLine(), "--format parquet writes a binary file: give -o FILE");
        }
        Usage.writable(spec, "--output", output);
        EventFilter filter = filter();
        if (format.get() == Format.PARQUET) {
            return parquet(filter);
        }
        return store.answer(spec, format, output, s -> {
            requireStored(s, filter);
            return new Listed(s.events(filter), filter, page, s);
        });
    }

    /** Writes the events to the Parquet file {@code -o} names: the CSV's columns, typed. */
    private int parquet(EventFilter filter) throws IOException {
        try (EventStore opened = store.open()) {
            StoreQueries s = opened.queries();
            requireStored(s, filter);
            List<StoredEvent> events = s.events(filter);
            Map<String, StoredDocument> docs = documents(events, s);
            long n = ParquetWriter.write(output, EventColumns.parquet(),
                    events.stream().map(e -> EventColumns.values(e, docs.get(e.event().docId()))).iterator());
            long total = s.countEvents(filter);
            spec.commandLine().getErr().println("wrote " + n + (total > n ? " of " + total : "") + " events to "
                    + output + (total > n ? " (use --limit 0 for all)" : ""));
        }
        return 0;
    }

    private void requireStored(StoreQueries s, EventFilter filter) {
        store.requireStored(spec, s, "--actor", java.util.Arrays.asList(filter.actor(), filter.recipient(),
                filter.either()));
    }

    /**
     * A page of events: the API's JSON page, one JSON object a line, GDELT 2.0 rows, the CSV's columns
     * ({@link EventColumns}), and a table of fewer columns with the sentence shortened.
     */
    record Listed(List<StoredEvent> events, EventFilter filter, PageOptions page, StoreQueries store)
            implements Answer {
        @Override
        public JsonNode json() {
            return AnswerJson.eventPage(events, store.countEvents(filter), page.limit(), page.offset(), store);
        }

        @Override
        public Table csv() {
            Map<String, StoredDocument> docs = documents(events, store);
            return new Table(EventColumns.names(), events.stream().map(e -> EventColumns.text(e,
                    docs.get(e.event().docId()))).toList());
        }

        @Override
        public void text(PrintWriter out) {
            List<List<String>> rows = new ArrayList<>();
            for (StoredEvent s : events) {
                Event e = s.event();
                String place = EventColumns.place(e);
                rows.add(List.of(e.date().toString(), e.eventType().name(), Integer.toString(e.quadClass()),
                        Output.keys(e.actor()), Output.keys(e.recipient()), s.status().json(),
                        Integer.toString(s.mentions()), place == null ? "" : place,
                        Output.shorten(Output.sentence(e), 90)));
            }
            Output.table(out, new Table(List.of("date", "type", "q", "actor", "recipient", "status", "n", "place",
                    "evidence"), rows));
            long total = store.countEvents(filter);
            if (total > events.size()) {
                out.println("(" + events.size() + " of " + total + " events; use --limit and --offset)");
            }
        }

        @Override
        public void write(Format format, PrintWriter out) {
            switch (format) {
                case JSONL -> {
                    // each line an event of the JSON page, its evidence with its document's source
                    EvidenceSources sources = new EvidenceSources(store);
                    List<ObjectNode> lines = events.stream().map(e -> sources.add(AnswerJson.event(e))).toList();
                    sources.fill();
                    lines.forEach(l -> out.println(l.toString()));
                }
                case GDELT -> {
                    Map<String, String> names = store.actorNames();
                    Map<String, StoredDocument> docs = documents(events, store);
                    events.forEach(e -> out.println(GdeltRow.of(e, names, docs)));
                }
                default -> Answer.super.write(format, out);
            }
        }
    }

    /** The documents these events were coded from, by document id (one look-up). */
    private static Map<String, StoredDocument> documents(List<StoredEvent> events, StoreQueries store) {
        return store.documentsById(events.stream().map(e -> e.event().docId()).toList());
    }

    /** The filter the options ask for; a bad value is a usage error naming its option. */
    EventFilter filter() {
        Set<EventType> t = EnumSet.noneOf(EventType.class);
        types.forEach(x -> t.add(Usage.option(spec, "--type", () -> EventType.parse(x))));
        Set<EventStatus> st = EnumSet.noneOf(EventStatus.class);
        statuses.forEach(x -> st.add(Usage.option(spec, "--status", () -> EventStatus.parse(x))));
        for (int q : quads) {
            if (q < 1 || q > 4) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--quad " + q
                        + " is not a quad class; expected 1 (verbal cooperation) to 4 (material conflict)");
            }
        }
        page.check(spec);
        ActorKey a = actor == null ? null : Usage.option(spec, "--actor", () -> ActorKey.parse(actor));
        ActorKey r = recipient == null ? null : Usage.option(spec, "--recipient", () -> ActorKey.parse(recipient));
        ActorKey e = either == null ? null : Usage.option(spec, "--either", () -> ActorKey.parse(either));
        List<ActorKey> named = new ArrayList<>();
        for (ActorKey k : new ActorKey[] {a, r, e}) {
            if (k != null) {
                named.add(k);
            }
        }
        return store.withCoalitions(store.scope(), spec, "--actor", named).filter().withRepresentativesOnly(stories)
                .withActor(a).withRecipient(r).withEither(e)
                .withTypes(t).withQuadClasses(new TreeSet<>(quads)).withStatuses(st).withCountry(place).withText(text)
                .withConfidenceBelow(Usage.option(spec, "--low-confidence", () -> EventFilter.all()
                        .withConfidenceBelow(lowConfidence).confidenceBelow()))
                .withPage(page.limit(), page.offset()).withOrder(Usage.option(spec, "--order", () -> EventFilter.Order.parse(order)));
    }
}
