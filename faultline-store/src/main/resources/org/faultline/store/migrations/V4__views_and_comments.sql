-- Views and comments for people who query the store with their own SQL (DuckDB CLI, Python, psql). The tables
-- keep upper-case enum names (what the code writes and reads); the views show them in lower case, the way the
-- JSON output, the command line and the API spell them ('realised', 'asserted', 'day'), and resolve the integer
-- codes of event_dyads.
CREATE VIEW events_v AS
SELECT event_id, doc_id, event_type, mode, context, cameo_code, quad_class, goldstein, plover_score, event_date,
       lower(date_precision) AS date_precision, loc_text, loc_country, loc_admin1, loc_lat, loc_lon, qty_text,
       qty_value, qty_unit, qty_kind, negated, lower(modality) AS modality, lower(status) AS status, attr_text,
       attr_code, attr_verb, confidence, rule, version, story_id, event_id = story_id AS representative, event_json
FROM events;
CREATE VIEW dyads_v AS
SELECT d.event_id, d.actor_level, src.code AS src, src_sector.code AS src_sector, dst.code AS dst,
       dst_sector.code AS dst_sector, d.joint, event_type.code AS event_type, d.quad_class, d.event_date,
       lower(status.code) AS status, d.goldstein, d.plover_score, d.confidence, d.representative
FROM event_dyads d
JOIN codes src ON src.code_id = d.src
LEFT JOIN codes src_sector ON src_sector.code_id = d.src_sector
JOIN codes dst ON dst.code_id = d.dst
LEFT JOIN codes dst_sector ON dst_sector.code_id = d.dst_sector
JOIN codes event_type ON event_type.code_id = d.event_type
JOIN codes status ON status.code_id = d.status;
COMMENT ON VIEW events_v IS 'events with lower-case date_precision, modality and status (as in the JSON output) and a representative flag (the mention whose id is its story id)';
COMMENT ON VIEW dyads_v IS 'event_dyads with actor keys, sectors, event type and lower-case status as text instead of codes ids';
COMMENT ON TABLE documents IS 'one row per distinct document text; spans of events point into text, in UTF-16 code units';
COMMENT ON COLUMN documents.content_hash IS 'SHA-256 of the normalised text (NFKC, white space folded): the document identity';
COMMENT ON COLUMN documents.doc_id IS 'the id the document was read with; one id names one text';
COMMENT ON COLUMN documents.doc_date IS 'publication date; relative dates in the text are resolved against it';
COMMENT ON COLUMN documents.title IS 'title from front matter, HTML og:title or title, or the JSON field title; null when unknown';
COMMENT ON COLUMN documents.source IS 'outlet from front matter, HTML og:site_name, or the JSON field source (or outlet); null when unknown';
COMMENT ON COLUMN documents.url IS 'address from front matter, HTML canonical link or og:url, or the JSON field url; null when unknown';
COMMENT ON COLUMN documents.origin IS 'where it was read from: file, file:line or -';
COMMENT ON COLUMN documents.text IS 'the text; character offsets (span_start, span_end, ...) count UTF-16 code units, as Java strings do';
COMMENT ON COLUMN documents.ingested_at IS 'when the document was stored (UTC)';
COMMENT ON TABLE events IS 'one row per coded event mention; upper-case enums (see events_v for lower case)';
COMMENT ON COLUMN events.event_type IS 'PLOVER event type, e.g. ASSAULT';
COMMENT ON COLUMN events.cameo_code IS 'CAMEO event code, 2 to 4 digits as text (keep the leading zero)';
COMMENT ON COLUMN events.quad_class IS '1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict';
COMMENT ON COLUMN events.date_precision IS 'DAY, WEEK, MONTH, YEAR or ARTICLE (the article date was used)';
COMMENT ON COLUMN events.loc_admin1 IS 'first-level administrative division by name (not a code)';
COMMENT ON COLUMN events.modality IS 'ASSERTED, NEGATED, REFUSED, FUTURE or HYPOTHETICAL (events_v: lower case)';
COMMENT ON COLUMN events.status IS 'REALISED, NEGATED, REFUSED, FUTURE or HYPOTHETICAL folded from negated and modality; only REALISED counts in analyses (events_v: lower case)';
COMMENT ON COLUMN events.story_id IS 'the merged event (story) this mention belongs to: the id of its earliest mention';
COMMENT ON COLUMN events.actor_keys IS 'actor keys joined as |RUS|PRK| (internal: candidate search for merging)';
COMMENT ON COLUMN events.event_json IS 'the whole event in the JSON Lines output format';
COMMENT ON TABLE event_actors IS 'actors (role actor) and recipients (role recipient) of each event, in order';
COMMENT ON COLUMN event_actors.span_start IS 'start of the mention in documents.text, UTF-16 code units, inclusive';
COMMENT ON COLUMN event_actors.span_end IS 'end of the mention in documents.text, UTF-16 code units, exclusive';
COMMENT ON TABLE evidence IS 'the sentence and trigger each event was coded from; spans in UTF-16 code units, half-open';
COMMENT ON COLUMN evidence.sentence IS 'index of the sentence in the document';
COMMENT ON COLUMN evidence.span_start IS 'start of the sentence in documents.text, UTF-16 code units, inclusive';
COMMENT ON COLUMN evidence.span_end IS 'end of the sentence in documents.text, UTF-16 code units, exclusive';
COMMENT ON COLUMN evidence.trigger_start IS 'start of the trigger word in documents.text, UTF-16 code units, inclusive';
COMMENT ON COLUMN evidence.trigger_end IS 'end of the trigger word in documents.text, UTF-16 code units, exclusive';
COMMENT ON TABLE event_dyads IS 'one row per dyad per actor level (0 country, 1 actor+sector); strings are codes ids, see dyads_v';
COMMENT ON TABLE codes IS 'dictionary of the strings event_dyads stores as integers';
COMMENT ON TABLE stories IS 'merged events of two or more mentions';
COMMENT ON TABLE kept_apart IS 'mentions an analyst split off a story; never merged again until the split is forgotten';
COMMENT ON TABLE failures IS 'documents that could not be read, coded or stored, and warnings about parts left uncoded';
COMMENT ON TABLE store_settings IS 'merge.enabled and merge.rule';
