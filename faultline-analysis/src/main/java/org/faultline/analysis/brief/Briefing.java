package org.faultline.analysis.brief;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.faultline.analysis.Relations;
import org.faultline.analysis.Scope;
import org.faultline.analysis.Tie;
import org.faultline.analysis.bridges.Bridges;
import org.faultline.analysis.bridges.Theatre;
import org.faultline.analysis.coalitions.Coalitions;
import org.faultline.analysis.faultlines.FaultlineTimeline;
import org.faultline.analysis.faultlines.Faultlines;
import org.faultline.analysis.faultlines.PartyFaultlines;
import org.faultline.model.Evidence;
import org.faultline.query.ActorKey;
import org.faultline.query.Coalition;
import org.faultline.query.EventQueries;
import org.faultline.query.Period;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.query.Tally;

/**
 * Everything a briefing on two or more parties says, computed from the store: the question, the coalitions among
 * the parties, the parties' network, their faultlines (whole period, with evidence) and their timeline, the
 * cross-theatre bridges, the sources of every evidence sentence, and how many events and documents stand behind
 * each part. {@link BriefHtml} and {@link BriefMarkdown} write it; neither adds a number of its own. Immutable.
 */
public final class Briefing {
    /** Points resting on fewer realised events than this are marked as thin evidence. */
    public static final int THIN = 3;

    /**
     * Where a document came from.
     *
     * @param docId     the document
     * @param title     title or {@code null}
     * @param outlet    outlet or {@code null}
     * @param url       address or {@code null}
     * @param published publication date or {@code null} (documents imported without text)
     */
    public record Source(String docId, String title, String outlet, String url, LocalDate published) {
    }

    /**
     * One evidence sentence: the event's first evidence span in its document.
     *
     * @param event  the event
     * @param text   the sentence as stored
     * @param start  its first character in the document text
     * @param end    one past its last character
     * @param source its document's source, or {@code null} when the store has no article for it
     */
    public record Quote(StoredEvent event, String text, int start, int end, Source source) {
        public Quote {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * What a briefing asks: the parties, the period, the periods of the timeline, and how much evidence.
     *
     * @param parties        two or more actor keys, coalitions among them
     * @param by             quarter or year
     * @param evidencePerTie evidence events per tie of each point
     * @param neighbours     partners and adversaries of each party drawn in the network
     * @param theatres       the theatres of the bridges; empty: detected
     */
    public record Question(List<ActorKey> parties, Period by, int evidencePerTie, int neighbours,
                           List<Theatre> theatres) {
        public Question {
            parties = List.copyOf(parties);
            theatres = List.copyOf(theatres);
            Objects.requireNonNull(by, "by");
            if (evidencePerTie < 1 || neighbours < 0) {
                throw new IllegalArgumentException("evidence per tie " + evidencePerTie + " must be at least 1 and "
                        + "neighbours " + neighbours + " not negative");
            }
        }
    }

    private final Question question;
    private final Scope scope;
    private final List<Coalitions.Entry> coalitions;
    private final List<String> coalitionSources;
    private final Map<String, String> names;
    private final Tally all;
    private final Tally realised;
    private final List<Tie> network;
    private final PartyFaultlines faultlines;
    private final FaultlineTimeline timeline;
    private final List<Bridges.Bridge> bridges;
    private final Map<String, Source> sources;

    private Briefing(Question question, Scope scope, List<Coalitions.Entry> coalitions, List<String> coalitionSources,
                     Map<String, String> names, Tally all, Tally realised, List<Tie> network,
                     PartyFaultlines faultlines, FaultlineTimeline timeline, List<Bridges.Bridge> bridges,
                     Map<String, Source> sources) {
        this.question = question;
        this.scope = scope;
        this.coalitions = List.copyOf(coalitions);
        this.coalitionSources = List.copyOf(coalitionSources);
        this.names = Map.copyOf(names);
        this.all = all;
        this.realised = realised;
        this.network = List.copyOf(network);
        this.faultlines = faultlines;
        this.timeline = timeline;
        this.bridges = List.copyOf(bridges);
        this.sources = Map.copyOf(sources);
    }

    /**
     * The briefing on the question in the store's scope. Coalitions among the parties are looked up in
     * {@code book} and counted as one actor each.
     *
     * @throws IllegalArgumentException for fewer than two parties, a party twice, or a party inside another's
     *                                  coalition (the message names it)
     */
    public static Briefing query(EventQueries store, Scope base, Coalitions book, Question q) {
        List<Coalition> named = book.named(q.parties());
        for (ActorKey p : q.parties()) {
            for (Coalition c : named) {
                if (c.has(p)) {
                    throw new IllegalArgumentException(p + " is a member of " + c.name() + "; ask for one or the other");
                }
            }
        }
        Scope scope = base.withCoalitions(named);
        List<Coalitions.Entry> entries = new ArrayList<>();
        named.forEach(c -> entries.add(book.get(c.name()).orElseThrow()));
        PartyFaultlines pf = PartyFaultlines.query(store, scope, q.parties(), q.evidencePerTie());
        FaultlineTimeline timeline = FaultlineTimeline.query(store, scope, pf, q.by());
        List<Tie> ties = Relations.ties(scope.flows(store));
        List<Tie> net = network(ties, pf.parties(), q.neighbours());
        List<Bridges.Bridge> bridges = Bridges.query(store, scope, q.theatres(), 1, q.evidencePerTie());
        Tally all = store.tally(scope.filter().withAnyOf(pf.parties()));
        Tally realised = store.tally(scope.filter().realisedOnly().withAnyOf(pf.parties()));
        Set<String> docs = new LinkedHashSet<>();
        for (StoredEvent e : evidence(pf, bridges)) {
            docs.add(e.event().docId());
        }
        Map<String, Source> sources = new TreeMap<>();
        store.documentsById(docs).forEach((id, d) -> sources.put(id, source(d)));
        return new Briefing(q, scope, entries, book.sources(), store.actorNames(), all, realised, net, pf, timeline,
                bridges, sources);
    }

    private static Source source(StoredDocument d) {
        return new Source(d.docId(), d.title(), d.source(), d.url(), d.date());
    }

    /** Ties among the parties, then each party's {@code k} heaviest ties with partners or adversaries. */
    static List<Tie> network(List<Tie> ties, List<ActorKey> parties, int k) {
        Set<Tie> out = new LinkedHashSet<>();
        for (Tie t : ties) {
            if (parties.contains(t.a()) && parties.contains(t.b())) {
                out.add(t);
            }
        }
        for (ActorKey p : parties) {
            ties.stream().filter(t -> t.involves(p) && !parties.contains(t.other(p)) && (t.partners() || t.adversaries()))
                    .sorted(Comparator.comparingLong((Tie t) -> -t.events()).thenComparing(t -> t.other(p)))
                    .limit(k).forEach(out::add);
        }
        return new ArrayList<>(out);
    }

    private static List<StoredEvent> evidence(PartyFaultlines pf, List<Bridges.Bridge> bridges) {
        List<StoredEvent> out = new ArrayList<>();
        for (Faultlines f : pf.pairs()) {
            f.intersections().forEach(p -> out.addAll(p.evidence()));
            f.divergences().forEach(p -> out.addAll(p.evidence()));
        }
        pf.shared().forEach(p -> out.addAll(p.evidence()));
        pf.apart().forEach(p -> out.addAll(p.evidence()));
        bridges.forEach(b -> b.involvements().forEach(i -> out.addAll(i.evidence())));
        return out;
    }

    /** The quote of an event: its first evidence sentence and span, with the source of its document. */
    public Quote quote(StoredEvent e) {
        Evidence x = e.event().evidence().get(0);
        return new Quote(e, x.text(), x.start(), x.end(), sources.get(x.docId()));
    }

    public Question question() {
        return question;
    }

    public Scope scope() {
        return scope;
    }

    public LocalDate from() {
        return scope.from();
    }

    public LocalDate to() {
        return scope.to();
    }

    /** The coalitions among the parties, as their files define them. */
    public List<Coalitions.Entry> coalitions() {
        return coalitions;
    }

    /** The coalition files read, each with its SHA-256. */
    public List<String> coalitionSources() {
        return coalitionSources;
    }

    /** The display name of an actor key ("" when unknown; a coalition's description when it is one). */
    public String name(ActorKey k) {
        for (Coalitions.Entry e : coalitions) {
            if (e.coalition().name().equals(k.key())) {
                return e.description().isEmpty() ? "coalition" : e.description();
            }
        }
        return names.getOrDefault(k.key(), "");
    }

    /** Events (any status) with a party as actor or recipient, and their documents. */
    public Tally all() {
        return all;
    }

    /** Realised events with a party as actor or recipient, and their documents. */
    public Tally realised() {
        return realised;
    }

    /** The ties drawn: among the parties, then each party's heaviest ties with partners and adversaries. */
    public List<Tie> network() {
        return network;
    }

    public PartyFaultlines faultlines() {
        return faultlines;
    }

    public FaultlineTimeline timeline() {
        return timeline;
    }

    public List<Bridges.Bridge> bridges() {
        return bridges;
    }

    /** Every evidence event of the briefing, in the order the briefing shows them (may repeat). */
    public List<StoredEvent> evidence() {
        return evidence(faultlines, bridges);
    }

    /** Realised events on the parties' ties (each tie once), the figure behind the faultlines. */
    public long tieEvents() {
        long n = 0;
        for (FaultlineTimeline.Bucket b : timeline.buckets()) {
            n += b.events();
        }
        return n;
    }
}
