package org.faultline.cli;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.faultline.model.Failure;
import org.faultline.store.DocumentIdConflictException;
import org.faultline.store.EventStore;
import org.faultline.store.StoreException;

/**
 * Reads, codes and stores a batch: each document with its events and warnings in one transaction. A document
 * already stored (same text) is skipped before coding; a document whose id the store holds for another text is
 * refused before coding; a document the database refuses while storing is rolled back and recorded as that
 * document's failure (stage {@code store}), and the batch goes on. Not reusable.
 */
final class DocumentIngest {
    /** The stage of a document that could not be stored. */
    static final String STORE_STAGE = "store";

    /** Counters of a finished ingest. */
    record Totals(int stored, int alreadyStored, CodingBatch.Summary batch) {
    }

    private final EventStore store;
    private final CodingBatch batch;
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger alreadyStored = new AtomicInteger();

    DocumentIngest(EventStore store, CodingBatch batch) {
        this.store = store;
        this.batch = batch;
    }

    Totals run(Stream<ReadOutcome> input) {
        Stream<ReadOutcome> todo = input.map(this::beforeCoding).filter(o -> o != null);
        CodingBatch.Summary sum = batch.run(todo, this::store);
        return new Totals(stored.get(), alreadyStored.get(), sum);
    }

    /** Null for a document already stored; a failed outcome for one whose id names another text; else as read. */
    private ReadOutcome beforeCoding(ReadOutcome o) {
        if (!(o instanceof ReadOutcome.Read r)) {
            return o;
        }
        Article a = r.article();
        if (store.hasDocument(a)) {
            alreadyStored.incrementAndGet();
            return null;
        }
        return store.idConflict(a).<ReadOutcome>map(c -> new ReadOutcome.Failed(refused(a, c))).orElse(o);
    }

    private Failure store(CodingBatch.Item item) {
        if (item.failure() != null) {
            store.storeFailure(item.failure());
            return null;
        }
        CodingResult r = item.result();
        try {
            if (store.storeCoded(r.article(), r.events(), r.warnings())) {
                stored.incrementAndGet();
            } else {
                alreadyStored.incrementAndGet();
            }
            return null;
        } catch (DocumentIdConflictException e) {
            return record(refused(r.article(), e));
        } catch (StoreException e) {
            return record(new Failure(origin(r.article()), r.article().id(), STORE_STAGE, "could not be stored: "
                    + e.getMessage()));
        }
    }

    private Failure record(Failure f) {
        store.storeFailure(f);
        return f;
    }

    private static Failure refused(Article a, DocumentIdConflictException e) {
        return new Failure(origin(a), a.id(), STORE_STAGE, e.reason());
    }

    private static String origin(Article a) {
        return a.origin() == null ? a.id() : a.origin();
    }
}
