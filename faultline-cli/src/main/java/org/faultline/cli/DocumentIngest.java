package org.faultline.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.faultline.coding.CodingResult;
import org.faultline.ingest.ReadOutcome;
import org.faultline.model.Article;
import org.faultline.model.Failure;
import org.faultline.store.DocumentIdConflictException;
import org.faultline.store.DocumentPlace;
import org.faultline.store.EventWriter;
import org.faultline.store.StoreException;

/**
 * Reads, codes and stores a batch: each document with its events and warnings in one transaction. Each document is
 * placed in the store before coding ({@link EventWriter#place}): one already stored (same text) is skipped; one whose
 * id the store holds for another text is coded and stored under {@code ID~HASH}, with a warning (stage
 * {@value DocumentPlace#STAGE}) saying so; when another writer stores another text under a document's id while it is
 * coded, the document is placed and coded again. A document the database refuses while storing is rolled back and
 * recorded as that document's failure (stage {@code store}), and the batch goes on. Not reusable; used by one thread.
 */
final class DocumentIngest {
    /** The stage of a document that could not be stored. */
    static final String STORE_STAGE = "store";

    /**
     * Counters of a finished ingest; {@code versioned} of the documents stored are under {@code ID~HASH}, their id
     * naming another stored text.
     */
    record Totals(int stored, int alreadyStored, int versioned, CodingBatch.Summary batch) {
    }

    private final EventWriter writer;
    private final CodingBatch batch;
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger alreadyStored = new AtomicInteger();
    private final AtomicInteger versioned = new AtomicInteger();
    /** The documents placed under a versioned id and not stored yet, by that id. */
    private final Map<String, DocumentPlace.Versioned> versions = new HashMap<>();

    DocumentIngest(EventWriter writer, CodingBatch batch) {
        this.writer = writer;
        this.batch = batch;
    }

    Totals run(Stream<ReadOutcome> input) {
        Stream<ReadOutcome> todo = input.map(this::beforeCoding).filter(o -> o != null);
        CodingBatch.Summary sum = batch.run(todo, this::store);
        return new Totals(stored.get(), alreadyStored.get(), versioned.get(), sum);
    }

    /** Null for a document already stored; a failed outcome for one refused its place; else the placed document. */
    private ReadOutcome beforeCoding(ReadOutcome o) {
        if (!(o instanceof ReadOutcome.Read r)) {
            return o;
        }
        DocumentPlace place = writer.place(r.article());
        if (place instanceof DocumentPlace.AlreadyStored) {
            alreadyStored.incrementAndGet();
            return null;
        }
        if (place instanceof DocumentPlace.Refused refused) {
            return new ReadOutcome.Failed(refused(r.article(), refused.conflict()));
        }
        if (place instanceof DocumentPlace.Versioned v) {
            versions.put(v.article().id(), v);
        }
        return new ReadOutcome.Read(place.article());
    }

    private Failure store(CodingBatch.Item item) {
        CodingResult r = item.result();
        DocumentPlace.Versioned v = r == null ? null : versions.remove(r.article().id());
        if (item.failure() != null) {
            writer.storeFailure(item.failure());
            return null;
        }
        return v == null ? store(r, null, true) : store(r, v, false);
    }

    /**
     * Stores a coded document with the warning of its place; when it came with its own id ({@code mayPlaceAgain})
     * and another writer stored another text under that id since, places and codes it again.
     */
    private Failure store(CodingResult r, DocumentPlace.Versioned v, boolean mayPlaceAgain) {
        Article a = r.article();
        List<Failure> warnings = r.warnings();
        if (v != null) {
            warnings = new ArrayList<>(warnings);
            warnings.addAll(v.warnings());
        }
        try {
            if (writer.storeCoded(a, r.events(), warnings)) {
                stored.incrementAndGet();
                if (v != null) {
                    versioned.incrementAndGet();
                }
            } else {
                alreadyStored.incrementAndGet();
            }
            return null;
        } catch (DocumentIdConflictException e) {
            DocumentPlace again = mayPlaceAgain ? writer.place(a) : null;
            if (again instanceof DocumentPlace.AlreadyStored) {
                alreadyStored.incrementAndGet();
                return null;
            }
            if (again instanceof DocumentPlace.Versioned w) {
                CodingResult recoded = batch.coder().code(w.article());
                return recoded.failed() ? record(recoded.failure()) : store(recoded, w, false);
            }
            return record(refused(a, e));
        } catch (StoreException e) {
            return record(new Failure(origin(a), a.id(), STORE_STAGE, "could not be stored: " + e.getMessage()));
        }
    }

    private Failure record(Failure f) {
        writer.storeFailure(f);
        return f;
    }

    private static Failure refused(Article a, DocumentIdConflictException e) {
        return new Failure(origin(a), a.id(), STORE_STAGE, e.reason());
    }

    private static String origin(Article a) {
        return a.origin() == null ? a.id() : a.origin();
    }
}
