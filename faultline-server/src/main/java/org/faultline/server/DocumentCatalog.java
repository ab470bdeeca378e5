package org.faultline.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faultline.model.Evidence;
import org.faultline.query.EventFilter;
import org.faultline.query.StoredDocument;
import org.faultline.query.StoredEvent;
import org.faultline.store.StoreQueries;

/**
 * Documents as the API shows them.
 *
 * <p>A document stored with its article (ingest, {@code POST /api/ingest}) is read from the store's documents
 * table: its publication date, title, outlet, address and full text. A store filled in bulk with events only
 * (Parquet import) has no such rows; there a document is known by its coded events: the list holds documents with
 * at least one event, by latest event, and a document's text is rebuilt from its evidence sentences placed at
 * their original offsets (the gaps between them blank), which keeps every span of its events valid; only a place
 * read from an earlier sentence can fall in a gap, and the page then does not highlight it there.
 * {@link Document#complete()} and {@link DateSource} say which case applies. Thread-safe (the store serialises
 * access).
 */
final class DocumentCatalog {
    /** Events scanned at most to list documents; bounds a listing over a very large store. */
    static final int SCAN_LIMIT = 50_000;
    private static final int SCAN_PAGE = 5_000;

    /** What a document's {@code date} is. */
    enum DateSource {
        /** the article's publication date, as read with the article */
        PUBLICATION,
        /** no article is stored: the date of its latest event (in a listing) */
        LATEST_EVENT,
        /** no article is stored: the date of its earliest event (on the document's own page) */
        EARLIEST_EVENT;

        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One listed document; {@code title}, {@code source} and {@code url} may be null. */
    record Summary(String id, LocalDate date, DateSource dateSource, int events, String title, String source,
                   String url) {
    }

    /**
     * One document with its events.
     *
     * @param complete false when {@code text} holds only the sentences that report events
     */
    record Document(String id, LocalDate date, DateSource dateSource, String title, String source, String url,
                    String text, boolean complete, List<StoredEvent> events) {
    }

    private final StoreQueries store;

    DocumentCatalog(StoreQueries store) {
        this.store = store;
    }

    long count() {
        return store.documentCount();
    }

    /**
     * One page of documents, newest publication date first (then by id, descending); in a store without articles,
     * documents with events by their latest event.
     */
    List<Summary> list(int limit, int offset) {
        long total = store.documentCount();
        if (total == 0) {
            return listByEvents(limit, offset);
        }
        // The store lists oldest first: read the matching page from the other end and turn it round.
        long end = Math.max(0, total - offset);
        long start = Math.max(0, end - limit);
        if (end == 0) {
            return List.of();
        }
        List<StoredDocument> page = new ArrayList<>(store.documents((int) (end - start), (int) start));
        java.util.Collections.reverse(page);
        List<Summary> out = new ArrayList<>();
        for (StoredDocument d : page) {
            out.add(new Summary(d.docId(), d.date(), DateSource.PUBLICATION, d.eventCount(), d.title(), d.source(),
                    d.url()));
        }
        return out;
    }

    private List<Summary> listByEvents(int limit, int offset) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        int wanted = offset + limit;
        for (int skip = 0; skip < SCAN_LIMIT; skip += SCAN_PAGE) {
            List<StoredEvent> page = store.events(EventFilter.all().withOrder(EventFilter.Order.DATE_DESC)
                    .withPage(SCAN_PAGE, skip));
            for (StoredEvent e : page) {
                String doc = e.event().docId();
                if (counts.size() >= wanted && !counts.containsKey(doc)) {
                    continue;
                }
                counts.computeIfAbsent(doc, d -> new int[1])[0]++;
                dates.putIfAbsent(doc, e.event().date());
            }
            if (page.size() < SCAN_PAGE || counts.size() > wanted) {
                break;
            }
        }
        List<Summary> out = new ArrayList<>();
        counts.forEach((id, n) -> out.add(new Summary(id, dates.get(id), DateSource.LATEST_EVENT, n[0], null, null,
                null)));
        return out.subList(Math.min(offset, out.size()), Math.min(wanted, out.size()));
    }

    Optional<Document> get(String id) {
        List<StoredEvent> events = store.events(EventFilter.all().withDocument(id));
        Optional<StoredDocument> stored = store.document(id);
        if (stored.isPresent() && stored.get().text() != null) {
            StoredDocument d = stored.get();
            return Optional.of(new Document(id, d.date(), DateSource.PUBLICATION, d.title(), d.source(), d.url(),
                    d.text(), true, events));
        }
        if (events.isEmpty()) {
            return Optional.empty();
        }
        List<Evidence> sentences = new ArrayList<>();
        for (StoredEvent e : events) {
            for (Evidence x : e.event().evidence()) {
                if (id.equals(x.docId()) && x.text() != null) {
                    sentences.add(x);
                }
            }
        }
        sentences.sort(Comparator.comparingInt(Evidence::start));
        int length = sentences.stream().mapToInt(Evidence::end).max().orElse(0);
        char[] text = new char[length];
        java.util.Arrays.fill(text, ' ');
        int lastEnd = -1;
        for (Evidence s : sentences) {
            if (s.start() > lastEnd && lastEnd >= 0 && s.start() > 0) {
                text[s.start() - 1] = '\n';
            }
            // The sentence text may be shorter than its span (trimmed); place what there is.
            String t = s.text();
            for (int i = 0; i < t.length() && s.start() + i < s.end(); i++) {
                text[s.start() + i] = t.charAt(i);
            }
            lastEnd = Math.max(lastEnd, s.end());
        }
        LocalDate date = events.stream().map(e -> e.event().date()).min(Comparator.naturalOrder()).orElse(null);
        return Optional.of(stored.map(d -> new Document(id, d.date(), DateSource.PUBLICATION, d.title(), d.source(),
                        d.url(), new String(text), false, events))
                .orElseGet(() -> new Document(id, date, DateSource.EARLIEST_EVENT, null, null, null,
                        new String(text), false, events)));
    }
}
