-- How many gazetteer places bore the name an event's place was resolved from (Location.alternatives: 1 for an
-- unambiguous name, more when the article's context chose among them). Rows written before this migration keep
-- NULL: the count was not recorded then, and their event_json has no such field either, so reads give null, as they
-- do for a place not read through the gazetteer. The view events_v is made again to show the column (a view's
-- column list is fixed when it is created).
ALTER TABLE events ADD COLUMN loc_alternatives INTEGER;
COMMENT ON COLUMN events.loc_alternatives IS 'how many gazetteer places bore the place name (1: unambiguous; more: chosen in context); NULL when not recorded (events stored before migration 9, places not read through the gazetteer)';
DROP VIEW events_v;
CREATE VIEW events_v AS
SELECT event_id, doc_id, event_type, mode, context, cameo_code, quad_class, goldstein, plover_score, event_date,
       lower(date_precision) AS date_precision, loc_text, loc_country, loc_admin1, loc_lat, loc_lon, loc_alternatives,
       qty_text, qty_value, qty_unit, qty_kind, negated, lower(modality) AS modality, lower(status) AS status,
       attr_text, attr_code, attr_verb, confidence, rule, version, story_id, event_id = story_id AS representative,
       event_json
FROM events;
COMMENT ON VIEW events_v IS 'events with lower-case date_precision, modality and status (as in the JSON output) and a representative flag (the mention whose id is its story id)';
