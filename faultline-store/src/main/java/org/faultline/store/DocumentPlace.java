package org.faultline.store;

import java.util.List;
import java.util.Objects;
import org.faultline.model.Article;
import org.faultline.model.Failure;

/**
 * Where a document goes in a store, decided by {@link EventWriter#place(Article)} before the document is coded: its
 * events name their document by id, so the id must be final before the coder runs. One id names one text; a
 * document whose id names another stored text keeps its place under a versioned id, {@code ID~HASH} (HASH: the first
 * 12 hex digits of its {@link ContentHash}), the form store migration 7 gave the texts that shared an id before. A
 * document whose id is free, or names the same text, keeps its id.
 *
 * <p>Every path that writes documents (the command line's {@code ingest}, the API's {@code /api/ingest}, the
 * watcher) places each document with this, codes {@link #article()}, and stores it with {@link #warnings()}.
 */
public sealed interface DocumentPlace {
    /** The stage of the warning that a document was stored under a versioned id (as migration 7 records it). */
    String STAGE = "document-id";

    /** The document to code and store: under its own id, its versioned id, or the id its text is stored under. */
    Article article();

    /** What to store with the document beside the coder's warnings: the versioned id and why, or nothing. */
    default List<Failure> warnings() {
        return List.of();
    }

    /** {@code docId~} and the first 12 hex digits of {@code contentHash}. */
    static String versionedId(String docId, String contentHash) {
        if (contentHash.length() < 12) {
            throw new IllegalArgumentException("content hash '" + contentHash + "' is shorter than 12 hex digits");
        }
        return docId + "~" + contentHash.substring(0, 12);
    }

    /**
     * Its text is stored already (under the id of {@link #article()}, which may differ from the id given): storing
     * it again stores nothing.
     */
    record AlreadyStored(Article article) implements DocumentPlace {
        public AlreadyStored {
            Objects.requireNonNull(article, "article");
        }
    }

    /** Its id is free, or names this text: the document keeps it. */
    record AsGiven(Article article) implements DocumentPlace {
        public AsGiven {
            Objects.requireNonNull(article, "article");
        }
    }

    /**
     * Its id names another stored text: the document is {@link #article()} under {@code ID~HASH}.
     *
     * @param article  the document under its versioned id
     * @param givenId  the id it came with
     * @param takenBy  the origin of the text stored under {@code givenId} ({@code ""} when unknown)
     */
    record Versioned(Article article, String givenId, String takenBy) implements DocumentPlace {
        public Versioned {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(givenId, "givenId");
            Objects.requireNonNull(takenBy, "takenBy");
        }

        /** The warning recorded with the document (stage {@value DocumentPlace#STAGE}), naming both ids and why. */
        public Failure warning() {
            return new Failure(article.origin() == null ? article.id() : article.origin(), article.id(), STAGE,
                    "document id '" + givenId + "' names another text stored before"
                            + (takenBy.isEmpty() ? "" : " (from " + takenBy + ")") + "; this text is stored as '"
                            + article.id() + "'");
        }

        @Override
        public List<Failure> warnings() {
            return List.of(warning());
        }
    }

    /**
     * Its versioned id names another text too (an id chosen to look like one, or two texts whose hashes begin
     * alike): the document is refused, {@code conflict} says why.
     */
    record Refused(Article article, DocumentIdConflictException conflict) implements DocumentPlace {
        public Refused {
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(conflict, "conflict");
        }
    }
}
