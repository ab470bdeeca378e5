-- Documents are looked up by id before each is stored (one id names one text), and by the document view.
CREATE INDEX documents_doc_id ON documents (doc_id);
