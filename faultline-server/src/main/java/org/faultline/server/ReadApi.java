package org.faultline.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.faultline.analysis.AnswerJson;
import org.faultline.analysis.EvidenceSources;
import org.faultline.analysis.FailuresJson;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.blocs.Blocs;
import org.faultline.analysis.blocs.BlocsJson;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.bridges.BridgesJson;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.analysis.brief.BriefHtml;
import org.faultline.analysis.brief.BriefMarkdown;
import org.faultline.analysis.brief.Briefing;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.analysis.dyad.DyadJson;
import org.faultline.analysis.dyad.DyadSeries;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.FaultlinesJson;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.analysis.network.ActorNetwork;
import org.faultline.analysis.network.NetworkFormat;
import org.faultline.analysis.network.NetworkJson;
import org.faultline.analysis.novel.NovelDyads;
import org.faultline.analysis.novel.NovelJson;
import org.faultline.model.Event;
import org.faultline.model.EventType;
import org.faultline.query.ActorKey;
import org.faultline.query.ActorLevel;
import org.faultline.query.Coalition;
import org.faultline.query.EventFilter;
import org.faultline.query.EventStatus;
import org.faultline.query.PairTotal;
import org.faultline.query.Period;
import org.faultline.query.StoredEvent;
import org.faultline.store.StoreQueries;
import org.faultline.store.StoredActors;

/**
 * The read endpoints: documents, events, map points, dyad series, network, blocs, bridges, faultlines, novel dyads,
 * failures, actors and a summary of the store. Every handler validates all its parameters first (see
 * {@link QueryParams}) and answers JSON. Thread-safe.
 */
final class ReadApi {
    static final int MAX_PAGE = 1000;
    /**
     * Edges a network answer holds unless asked for more: the heaviest ones. A browser draws a few thousand edges
     * fluently, not a hundred thousand, and blocs of the shown graph stay quick to compute.
     */
    static final int DEFAULT_MAX_EDGES = 3000;
    /** Points a map answer holds unless asked for fewer: the most reported events first. */
    static final int DEFAULT_MAP_POINTS = 5000;
    /** The most points one map answer holds: the store reads each event whole before it becomes a point. */
    static final int MAX_MAP_POINTS = 10_000;
    private static final String[] PAGE = {"limit", "offset"};
    private static final String[] SCOPE = {"from", "to", "level", "mentions"};

    private final StoreQueries store;
    private final Coalitions coalitions;
    private final DocumentCatalog documents;
    private final StoredActors stored;

    ReadApi(StoreQueries store, Coalitions coalitions) {
        this.coalitions = coalitions;
        this.store = store;
        this.documents = new DocumentCatalog(store);
        this.stored = new StoredActors(store);
    }

    void register(RoutesConfig r) {
        r.get("/api/summary", this::summary);
        r.get("/api/actors", this::actors);
        r.get("/api/documents", this::documents);
        r.get("/api/documents/{id}", this::document);
        r.get("/api/events", this::events);
        r.get("/api/events/{id}", this::event);
        r.get("/api/map", this::map);
        r.get("/api/dyad", this::dyad);
        r.get("/api/network", this::network);
        r.get("/api/blocs", this::blocs);
        r.get("/api/bridges", this::bridges);
        r.get("/api/faultlines", this::faultlines);
        r.get("/api/brief", this::brief);
        r.get("/api/novel", this::novel);
        r.get("/api/failures", this::failures);
    }

    private static QueryParams params(Context ctx, String[]... groups) {
        List<String> names = new ArrayList<>();
        for (String[] g : groups) {
            names.addAll(List.of(g));
        }
        return new QueryParams(ctx.queryParamMap(), names.toArray(String[]::new));
    }

    static void send(Context ctx, Object body) {
        try {
            ctx.contentType("application/json; charset=utf-8").result(AnswerJson.MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    /** Date range, actor level and counting of one analysis request. */
    private static Scope scope(QueryParams p) {
        LocalDate from = p.date("from");
        LocalDate to = p.date("to");
        ActorLevel level = p.parsed("level", ActorLevel::parse);
        String mentions = p.string("mentions");
        if (mentions != null && !mentions.equals("true") && !mentions.equals("false")) {
            p.problem("parameter 'mentions' is '" + mentions + "'; expected true (count every mention) or false");
        }
        if (from != null && to != null && to.isBefore(from)) {
            p.problem("parameter 'to' (" + to + ") is before 'from' (" + from + ")");
            to = null;
        }
        return new Scope(from, to, level == null ? ActorLevel.GROUP : level, !"true".equals(mentions));
    }

    private void summary(Context ctx) {
        params(ctx).done();
        ObjectNode o = AnswerJson.object();
        o.put("documents", store.documentCount());
        o.put("events", store.eventCount());
        EventDateSpan span = EventDateSpan.of(store);
        o.put("first_date", span == null ? null : span.first().toString());
        o.put("last_date", span == null ? null : span.last().toString());
        o.put("bulk_from", span == null ? null : span.from().toString());
        o.put("bulk_to", span == null ? null : span.to().toString());
        o.put("events_before_bulk", span == null ? 0 : span.before());
        o.put("events_after_bulk", span == null ? 0 : span.after());
        o.put("failures", store.failureCount());
        send(ctx, o);
    }

    private void actors(Context ctx) {
        params(ctx).done();
        ArrayNode a = AnswerJson.array();
        store.actorNames().forEach((key, name) -> a.addObject().put("key", key).put("name", name));
        send(ctx, AnswerJson.object().set("actors", a));
    }

    private void documents(Context ctx) {
        QueryParams p = params(ctx, PAGE);
        int limit = p.integer("limit", 50, 1, MAX_PAGE);
        int offset = p.integer("offset", 0, 0, DocumentCatalog.SCAN_LIMIT);
        p.done();
        ArrayNode items = AnswerJson.array();
        for (DocumentCatalog.Summary s : documents.list(limit, offset)) {
            items.addObject().put("id", s.id()).put("date", AnswerJson.date(s.date()))
                    .put("date_source", s.dateSource().json()).put("events", s.events()).put("title", s.title())
                    .put("source", s.source()).put("url", s.url());
        }
        send(ctx, AnswerJson.page("documents", items, documents.count(), limit, offset));
    }

    private void document(Context ctx) {
        params(ctx).done();
        String id = ctx.pathParam("id");
        DocumentCatalog.Document d = documents.get(id)
                .orElseThrow(() -> ApiException.notFound("no document with id '" + id + "' has stored events"));
        ObjectNode o = AnswerJson.object();
        o.put("id", d.id());
        o.put("date", AnswerJson.date(d.date()));
        o.put("date_source", d.dateSource().json());
        o.put("title", d.title());
        o.put("source", d.source());
        o.put("url", d.url());
        o.put("text", d.text());
        o.put("complete", d.complete());
        EvidenceSources sources = new EvidenceSources(store);
        o.set("events", sources.add(AnswerJson.storedEvents(d.events())));
        sources.fill();
        send(ctx, o);
    }

    /** The CLI's event filters, from query parameters. */
    static EventFilter eventFilter(QueryParams p) {
        EventFilter f = EventFilter.all();
        ActorKey actor = p.actor("actor");
        ActorKey recipient = p.actor("recipient");
        ActorKey either = p.actor("either");
        List<String> pair = p.list("pair");
        Set<EventType> types = p.types("type");
        Set<Integer> quads = p.quads("quad");
        LocalDate from = p.date("from");
        LocalDate to = p.date("to");
        String country = p.string("country");
        String q = p.string("q");
        List<EventStatus> statuses = new ArrayList<>();
        for (String s : p.list("status")) {
            try {
                statuses.add(EventStatus.parse(s));
            } catch (IllegalArgumentException e) {
                p.problem("parameter 'status': " + e.getMessage());
            }
        }
        String doc = p.string("doc");
        String stories = p.string("stories");
        if (stories != null && !stories.equals("true") && !stories.equals("false")) {
            p.problem("parameter 'stories' is '" + stories + "'; expected true (each merged story once, as the "
                    + "network counts) or false (every mention)");
        }
        if (country != null && !country.matches("[A-Za-z]{3}")) {
            p.problem("parameter 'country' is '" + country + "'; expected an ISO 3166-1 alpha-3 code such as UKR");
        }
        if (from != null && to != null && to.isBefore(from)) {
            p.problem("parameter 'to' (" + to + ") is before 'from' (" + from + ")");
        } else {
            f = f.withDates(from, to);
        }
        if (!pair.isEmpty()) {
            if (pair.size() != 2) {
                p.problem("parameter 'pair' has " + pair.size() + " actors; expected two, e.g. pair=RUS,UKR");
            } else {
                try {
                    f = f.withPair(ActorKey.parse(pair.get(0)), ActorKey.parse(pair.get(1)));
                } catch (IllegalArgumentException e) {
                    p.problem("parameter 'pair': " + e.getMessage());
                }
            }
        }
        return f.withActor(actor).withRecipient(recipient).withEither(either).withTypes(types)
                .withQuadClasses(quads).withCountry(country).withText(q)
                .withStatuses(statuses.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(statuses)).withDocument(doc)
                .withRepresentativesOnly("true".equals(stories));
    }

    static final String[] EVENT_FILTERS = {"actor", "recipient", "either", "pair", "type", "quad", "from", "to",
        "country", "q", "status", "doc", "stories", "order"};
    /** The filters of /api/map: those of /api/events but the order (a map's points have none). */
    static final String[] MAP_FILTERS = java.util.Arrays.stream(EVENT_FILTERS).filter(n -> !n.equals("order"))
            .toArray(String[]::new);

    /**
     * The event filters of {@code p} with the coalitions its actor parameters name; an actor nothing is stored under
     * is a problem of its parameter.
     */
    private EventFilter eventFilterWithCoalitions(QueryParams p) {
        EventFilter f = eventFilter(p);
        List<ActorKey> actors = new ArrayList<>();
        for (String name : List.of("actor", "recipient", "either")) {
            if (p.string(name) != null) {
                List<ActorKey> named = keys(List.of(p.string(name)));
                requireStored(p, name, named);
                actors.addAll(named);
            }
        }
        List<ActorKey> pair = keys(p.list("pair"));
        requireStored(p, "pair", pair);
        actors.addAll(pair);
        return f.withCoalitions(named(p, "actor", actors));
    }

    /**
     * A problem of parameter {@code param} for each actor that is no coalition and that nothing is stored under, at
     * any level: a question about it would answer nothing, as if the actor had done nothing. The message names the
     * stored keys close to it, as the command line's does.
     */
    private void requireStored(QueryParams p, String param, List<ActorKey> actors) {
        for (ActorKey a : actors) {
            if (a != null && coalitions.get(a.key()).isEmpty()) {
                stored.problem(a).ifPresent(why -> p.problem("parameter '" + param + "': " + why));
            }
        }
    }

    private void events(Context ctx) {
        QueryParams p = params(ctx, EVENT_FILTERS, PAGE);
        EventFilter f = eventFilterWithCoalitions(p);
        int limit = p.integer("limit", 100, 1, MAX_PAGE);
        int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
        EventFilter.Order order = p.parsed("order", EventFilter.Order::parse);
        p.done();
        f = f.withOrder(order == null ? EventFilter.Order.DATE : order);
        List<StoredEvent> page = store.events(f.withPage(limit, offset));
        send(ctx, AnswerJson.eventPage(page, store.countEvents(f), limit, offset, store));
    }

    /**
     * Events whose place has coordinates, as points for a map: the filters of /api/events (but no order or paging),
     * at most {@code limit} of them, the most reported first, with the count of all that match.
     */
    private void map(Context ctx) {
        QueryParams p = params(ctx, MAP_FILTERS, new String[] {"limit"});
        EventFilter f = eventFilterWithCoalitions(p).withLocatedOnly(true);
        int limit = p.integer("limit", DEFAULT_MAP_POINTS, 1, MAX_MAP_POINTS);
        p.done();
        List<StoredEvent> found = store.events(f.withOrder(EventFilter.Order.SALIENCE).withPage(limit, 0));
        long total = found.size() < limit ? found.size() : store.countEvents(f);
        ObjectNode o = AnswerJson.object();
        o.put("from", AnswerJson.date(f.from()));
        o.put("to", AnswerJson.date(f.to()));
        o.put("total", total);
        o.put("limit", limit);
        o.put("truncated", total > found.size());
        ArrayNode points = o.putArray("points");
        for (StoredEvent s : found) {
            points.add(mapPoint(s));
        }
        send(ctx, o);
    }

    /** One located event as the map draws it: where, when, what and who, without its evidence. */
    private static ObjectNode mapPoint(StoredEvent s) {
        Event e = s.event();
        ObjectNode n = AnswerJson.object();
        n.put("id", e.id());
        n.put("lat", e.location().lat());
        n.put("lon", e.location().lon());
        n.put("place", e.location().text());
        n.put("country", e.location().country());
        n.put("date", AnswerJson.date(e.date()));
        n.put("date_precision", e.datePrecision().json());
        n.put("event_type", e.eventType().name());
        n.put("quad_class", e.quadClass());
        n.put("status", EventStatus.of(e).json());
        n.put("mentions", s.mentions());
        ArrayNode actors = n.putArray("actor");
        e.actor().forEach(a -> actors.add(a.name() == null ? a.text() : a.name()));
        ArrayNode recipients = n.putArray("recipient");
        e.recipient().forEach(a -> recipients.add(a.name() == null ? a.text() : a.name()));
        return n;
    }

    private void event(Context ctx) {
        params(ctx).done();
        String id = ctx.pathParam("id");
        List<StoredEvent> found = store.eventsById(List.of(id));
        if (found.isEmpty()) {
            throw ApiException.notFound("no event with id '" + id + "'");
        }
        EvidenceSources sources = new EvidenceSources(store);
        ObjectNode e = sources.add(AnswerJson.event(found.get(0)));
        sources.fill();
        send(ctx, e);
    }

    private void dyad(Context ctx) {
        QueryParams p = params(ctx, new String[] {"a", "b", "by", "evidence"}, SCOPE);
        ActorKey a = p.requiredActor("a");
        ActorKey b = p.requiredActor("b");
        requireStored(p, "a", java.util.Arrays.asList(a));
        requireStored(p, "b", java.util.Arrays.asList(b));
        Period by = p.parsed("by", Period::parse);
        int evidence = p.integer("evidence", 3, 0, 50);
        Scope scope = scope(p);
        if (a != null && a.equals(b)) {
            p.problem("parameters 'a' and 'b' are both " + a + "; a dyad needs two actors");
        }
        if (a != null && b != null) {
            scope = scope.withCoalitions(named(p, "a", List.of(a, b)));
        }
        p.done();
        Period period = by == null ? Period.MONTH : by;
        DyadSeries s = DyadSeries.query(store, scope, a, b, period, evidence);
        send(ctx, DyadJson.of(s, scope, store));
    }

    private void network(Context ctx) {
        QueryParams p = params(ctx, new String[] {"min_events", "max_edges", "type", "sector", "format", "collapse"},
                SCOPE);
        int minEvents = p.integer("min_events", 1, 1, 1_000_000);
        int maxEdges = p.integer("max_edges", DEFAULT_MAX_EDGES, 1, 1_000_000);
        Set<EventType> types = p.types("type");
        Set<String> sectors = new java.util.TreeSet<>();
        p.list("sector").forEach(s -> sectors.add(s.toUpperCase(java.util.Locale.ROOT)));
        Scope scope = scope(p);
        List<ActorKey> collapse = keys(p.list("collapse"));
        for (ActorKey k : collapse) {
            if (coalitions.get(k.key()).isEmpty() || k.sector() != null) {
                List<String> known = new ArrayList<>();
                coalitions.all().forEach(e -> known.add(e.coalition().name()));
                p.problem("parameter 'collapse': no coalition " + k + "; known: " + String.join(", ", known));
            }
        }
        if (p.ok()) {
            scope = scope.withCoalitions(named(p, "collapse", collapse));
        }
        NetworkFormat format = networkFormat(p);
        p.done();
        ActorNetwork net;
        // the sector filter keeps the dyads with an actor of those sectors on a side, at the asked level itself (a
        // group level answer keeps Hamas and Syria's rebels as their own nodes)
        EventFilter filter = scope.filter().withTypes(types).withSectors(sectors);
        if (scope.coalitions().isEmpty()) {
            net = ActorNetwork.query(store, filter, scope.level(), minEvents, maxEdges);
        } else {
            // Collapsed coalitions are cut to maxEdges here: the store's cut in SQL keys pairs by stored actor codes,
            // which a coalition's name is not.
            List<PairTotal> pairs = store.pairTotals(filter, scope.level(), 0, 0).rows();
            net = ActorNetwork.of(Relations.flowsOfPairs(pairs, scope.level()), minEvents, maxEdges,
                    store.actorNames());
        }
        if (format != null) {
            sendNetworkFile(ctx, net, format);
            return;
        }
        send(ctx, NetworkJson.of(net, scope));
    }

    /** The file format asked for: null for the JSON answer (no format, or {@code format=json}). */
    private static NetworkFormat networkFormat(QueryParams p) {
        String f = p.string("format");
        if (f == null || f.equalsIgnoreCase("json")) {
            return null;
        }
        if (f.equalsIgnoreCase("graphml")) {
            return NetworkFormat.GRAPHML;
        }
        if (f.equalsIgnoreCase("gexf")) {
            return NetworkFormat.GEXF;
        }
        p.problem("parameter 'format' is '" + f + "'; expected json, graphml or gexf");
        return null;
    }

    /** The network as a GraphML or GEXF file to download, written by the CLI's exporters. */
    private static void sendNetworkFile(Context ctx, ActorNetwork net, NetworkFormat format) {
        java.io.StringWriter out = new java.io.StringWriter();
        format.write(net, out);
        String ext = format == NetworkFormat.GRAPHML ? "graphml" : "gexf";
        ctx.contentType((format == NetworkFormat.GRAPHML ? "application/graphml+xml" : "application/gexf+xml")
                + "; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"faultline-network." + ext + "\"");
        ctx.result(out.toString());
    }

    private void blocs(Context ctx) {
        QueryParams p = params(ctx, new String[] {"min_events"}, SCOPE);
        int minEvents = p.integer("min_events", 1, 1, 1_000_000);
        Scope scope = scope(p);
        p.done();
        send(ctx, BlocsJson.of(Blocs.query(store, scope, minEvents), store.actorNames()));
    }

    private void bridges(Context ctx) {
        QueryParams p = params(ctx, new String[] {"theatre", "min_events", "evidence"}, SCOPE);
        List<Theatre> theatres = new ArrayList<>();
        List<String> specs = ctx.queryParamMap().getOrDefault("theatre", List.of());
        // the older form (sides split by -) is read knowing the stored keys, some of which hold a - (SYR-REB)
        Set<String> known = specs.stream().anyMatch(t -> t.contains("-") && !t.contains(Theatre.SIDES))
                ? store.actorKeys() : Set.of();
        for (String t : specs) {
            try {
                Theatre theatre = Theatre.parse(t, known);
                requireStored(p, "theatre", new ArrayList<>(theatre.members()));
                theatres.add(theatre);
            } catch (IllegalArgumentException e) {
                p.problem("parameter 'theatre': " + e.getMessage());
            }
        }
        int minEvents = p.integer("min_events", 3, 1, 1_000_000);
        int evidence = p.integer("evidence", 2, 0, 20);
        Scope scope = scope(p);
        p.done();
        send(ctx, BridgesJson.of(Bridges.query(store, scope, theatres, minEvents, evidence), store));
    }

    /**
     * Faultlines of two parties ({@code a} and {@code b}, or {@code parties} with two: the pair's answer) or of three
     * or more ({@code parties=WEST,ISR,UKR}: every pair, what all share, where one stands apart); any party may be a
     * coalition, whose members then answer as one actor (listed under {@code coalitions}).
     */
    private void faultlines(Context ctx) {
        QueryParams p = params(ctx, new String[] {"a", "b", "parties", "evidence"}, SCOPE);
        List<ActorKey> parties = new ArrayList<>();
        if (p.string("parties") != null) {
            if (p.string("a") != null || p.string("b") != null) {
                p.problem("give either 'a' and 'b' or 'parties', not both");
            }
            List<String> names = p.list("parties");
            parties.addAll(keys(names));
            requireStored(p, "parties", parties);
            if (parties.size() == names.size()) {
                try {
                    PartyFaultlines.of(parties, List.of());
                } catch (IllegalArgumentException e) {
                    p.problem("parameter 'parties': " + e.getMessage());
                }
            }
        } else {
            ActorKey a = p.requiredActor("a");
            ActorKey b = p.requiredActor("b");
            requireStored(p, "a", java.util.Arrays.asList(a));
            requireStored(p, "b", java.util.Arrays.asList(b));
            if (a != null && a.equals(b)) {
                p.problem("parameters 'a' and 'b' are both " + a + "; pick two actors");
            }
            if (a != null && b != null) {
                parties.addAll(List.of(a, b));
            }
        }
        int evidence = p.integer("evidence", 2, 0, 20);
        Scope scope = scope(p);
        if (p.ok() && parties.size() >= 2) {
            scope = scope.withCoalitions(named(p, p.string("parties") != null ? "parties" : "a", parties));
        }
        p.done();
        if (parties.size() == 2) {
            send(ctx, FaultlinesJson.of(Faultlines.query(store, scope, parties.get(0), parties.get(1), evidence),
                    scope.coalitions(), store));
        } else {
            send(ctx, FaultlinesJson.of(PartyFaultlines.query(store, scope, parties, evidence), scope.coalitions(),
                    store));
        }
    }

    /** Actor keys of these names; a name that is not one is left out (its parameter has reported it). */
    private static List<ActorKey> keys(List<String> names) {
        List<ActorKey> out = new ArrayList<>();
        for (String n : names) {
            try {
                out.add(ActorKey.parse(n));
            } catch (IllegalArgumentException e) {
                // reported where the parameter is read
            }
        }
        return out;
    }

    /**
     * The coalitions (bundled, or {@code serve --coalitions FILE}) that these actors name, to count as one actor
     * each; coalitions that share a member, or an actor that is a member of another's coalition, are a problem of
     * parameter {@code param}.
     */
    private List<Coalition> named(QueryParams p, String param, List<ActorKey> actors) {
        List<Coalition> named = coalitions.named(actors);
        try {
            EventFilter.all().withCoalitions(named);
        } catch (IllegalArgumentException e) {
            p.problem("parameter '" + param + "': " + e.getMessage());
            return List.of();
        }
        for (ActorKey a : actors) {
            for (Coalition c : named) {
                if (c.has(a)) {
                    List<String> members = new ArrayList<>();
                    c.members().forEach(k -> members.add(k.toString()));
                    p.problem("parameter '" + param + "': " + a + " is a member of " + c.name() + " ("
                            + String.join(", ", members) + "); ask for one or the other");
                }
            }
        }
        return named;
    }

    /**
     * The briefing of {@code faultline brief} as a download: {@code parties} (two or more, coalitions such as WEST
     * among them), the scope's period, {@code by} quarter or year, {@code format} html or md; sentences link back to
     * this desk.
     */
    private void brief(Context ctx) {
        QueryParams p = params(ctx, new String[] {"parties", "by", "format", "evidence"}, SCOPE);
        List<String> names = p.list("parties");
        List<ActorKey> parties = new ArrayList<>();
        for (String n : names) {
            try {
                parties.add(ActorKey.parse(n));
            } catch (IllegalArgumentException e) {
                p.problem("parameter 'parties': " + e.getMessage());
            }
        }
        requireStored(p, "parties", parties);
        if (names.isEmpty()) {
            p.problem("parameter 'parties' is missing; expected two or more actors, e.g. parties=WEST,ISR,UKR");
        } else if (parties.size() == names.size()) {
            try {
                PartyFaultlines.of(parties, List.of());
            } catch (IllegalArgumentException e) {
                p.problem("parameter 'parties': " + e.getMessage());
            }
        }
        String byName = p.string("by");
        Period by = Period.QUARTER;
        if (byName != null) {
            if (byName.equals("year")) {
                by = Period.YEAR;
            } else if (!byName.equals("quarter")) {
                p.problem("parameter 'by' is '" + byName + "'; expected quarter or year");
            }
        }
        String format = p.string("format") == null ? "html" : p.string("format");
        if (!format.equals("html") && !format.equals("md")) {
            p.problem("parameter 'format' is '" + format + "'; expected html or md");
        }
        int evidence = p.integer("evidence", 2, 1, 10);
        Scope scope = scope(p);
        Briefing briefing = null;
        if (p.ok()) {
            try {
                if (scope.from() == null) {
                    // as faultline brief: without 'from', begin with the bulk of the parties' events
                    Scope asked = scope.withCoalitions(coalitions.named(parties));
                    LocalDate start = org.faultline.analysis.faultlines.FaultlineTimeline.bulkStart(store, asked,
                            parties, by).orElse(null);
                    if (start != null && (scope.to() == null || !start.isAfter(scope.to()))) {
                        scope = scope.during(start, scope.to());
                    }
                }
                briefing = Briefing.query(store, scope, coalitions, new Briefing.Question(parties, by, evidence, 6,
                        List.of()));
            } catch (IllegalArgumentException e) {
                p.problem("parameter 'parties': " + e.getMessage());
            }
        }
        p.done();
        String desk = ctx.scheme() + "://" + ctx.host();
        String name = "brief-" + String.join("-", names).replaceAll("[^A-Za-z0-9_-]", "_");
        if (format.equals("md")) {
            ctx.contentType("text/markdown; charset=utf-8").header("Content-Disposition", "attachment; filename=\""
                    + name + ".md\"").result(BriefMarkdown.render(briefing, desk));
        } else {
            ctx.contentType("text/html; charset=utf-8").header("Content-Disposition", "attachment; filename=\""
                    + name + ".html\"").result(BriefHtml.render(briefing, desk));
        }
    }

    private void novel(Context ctx) {
        QueryParams p = params(ctx, new String[] {"since", "evidence"}, SCOPE);
        LocalDate since = p.date("since");
        int evidence = p.integer("evidence", 2, 0, 20);
        if (since == null && p.string("since") == null) {
            p.problem("parameter 'since' is missing; expected a date like 2024-01-01");
        }
        Scope scope = scope(p);
        p.done();
        send(ctx, NovelJson.of(since, NovelDyads.query(store, scope, since, evidence), store));
    }

    private void failures(Context ctx) {
        QueryParams p = params(ctx, PAGE);
        int limit = p.integer("limit", 100, 1, MAX_PAGE);
        int offset = p.integer("offset", 0, 0, Integer.MAX_VALUE);
        p.done();
        send(ctx, FailuresJson.of(store.failures(limit, offset), store.failureCount(), limit, offset));
    }

}
