-- One document id names one text. A store written before Faultline refused a reused id may hold several texts
-- under one id; this migration gives each its own id, and migration 8 makes the database refuse a second text under
-- one id (two migrations: DuckDB cannot build a unique index in the transaction that changed the column's values).
-- The first text stored under an id (earliest ingested_at, then smallest content_hash: the one the store has shown
-- under that id) keeps it; each later text is renamed ID~HASH (HASH: the first 12 hex digits of its content hash)
-- and a row in failures (stage document-id) says so. Events keep the id they were stored with: an event names its
-- document only by id, so the store cannot tell which of the texts it was coded from.
INSERT INTO failures
SELECT COALESCE(d.origin, d.doc_id), d.doc_id || '~' || substr(d.content_hash, 1, 12), 'document-id',
       'document id ''' || d.doc_id || ''' named another text stored before this one; this text is now '''
           || d.doc_id || '~' || substr(d.content_hash, 1, 12) || ''' (store migration 7)',
       CURRENT_TIMESTAMP
FROM documents d
WHERE EXISTS (SELECT 1 FROM documents f WHERE f.doc_id = d.doc_id
              AND (f.ingested_at < d.ingested_at OR (f.ingested_at = d.ingested_at AND f.content_hash < d.content_hash)));
UPDATE documents SET doc_id = doc_id || '~' || substr(content_hash, 1, 12)
WHERE EXISTS (SELECT 1 FROM documents f WHERE f.doc_id = documents.doc_id
              AND (f.ingested_at < documents.ingested_at
                   OR (f.ingested_at = documents.ingested_at AND f.content_hash < documents.content_hash)));
