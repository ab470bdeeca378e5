-- One document id names one text, and the database says so: documents.doc_id becomes unique (migration 3 only
-- indexed it; migration 7 renamed the texts that shared an id). The store checks an id before writing and its
-- writers take turns (WriteTurns); the index also stops a writer that does not.
DROP INDEX documents_doc_id;
CREATE UNIQUE INDEX documents_doc_id ON documents (doc_id);
