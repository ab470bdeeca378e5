package org.faultline.server;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.faultline.model.Evidence;
import org.faultline.store.EventFilter;
import org.faultline.store.EventStore;
import org.faultline.store.StoredEvent;

/**
 * Documents as the API shows them, read through the store's event queries.
 *
 * <p>The store does not (yet) give read access to its documents table, so a document is known here by its
 * coded events: the list holds documents with at least one event, newest first, and a document's text is
 * rebuilt from its evidence sentences placed at their original offsets (the gaps between them blank), which
 * keeps every span of its events valid; only a place read from an earlier sentence can fall in a gap, and the
 * page then does not highlight it there. {@link Document#complete()} says so to the page. When the store grows
 * a document reader, only this class changes. Thread-safe (the store serialises access).
 */
final class DocumentCatalog {
    /** Events scanned at most to list documents; bounds a listing over a very large store. */
    static final int SCAN_LIMIT = 50_000;
    private static final int SCAN_PAGE = 5_000;

    /** One listed document. */
    record Summary(String id, LocalDate date, int events) {
    }

    /**
     * One document with its events.
     *
     * @param complete false when {@code text} holds only the sentences that report events
     */
    record Document(String id, LocalDate date, String text, boolean complete, List<StoredEvent> events) {
    }

    private final EventStore store;

    DocumentCatalog(EventStore store) {
        this.store = store;
    }

    long count() {
        return store.documentCount();
    }

    /** Documents with events, newest event first, one page. */
    List<Summary> list(int limit, int offset) {
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
        counts.forEach((id, n) -> out.add(new Summary(id, dates.get(id), n[0])));
        return out.subList(Math.min(offset, out.size()), Math.min(wanted, out.size()));
    }

    Optional<Document> get(String id) {
        List<StoredEvent> events = store.events(EventFilter.all().withDocument(id));
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
        return Optional.of(new Document(id, date, new String(text), false, events));
    }
}
