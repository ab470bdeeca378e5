-- Armed groups and a state's armed or political opponents as actors of their own (actor level 2, "group"; see
-- ActorLevel and ActorKey.groupKeyOf).
-- event_actors.group_key: HAMAS for an actor resolved to the knowledge-base entry group:HAMAS, SYR-REB for
-- unnamed Syrian rebels (sector REB, INS or OPP), else the same as actor_key. Rows written before this migration
-- get it, and their events get their level-2 dyads, from the same Java code that writes new events: the store does
-- that when it is next opened, in one transaction, while the setting below says 'pending' (SQL here would be a
-- second copy of the rule that could drift from the Java one).
ALTER TABLE event_actors ADD COLUMN group_key VARCHAR;
INSERT INTO store_settings VALUES ('backfill.group_level', 'pending');
COMMENT ON COLUMN event_actors.group_key IS 'actor key at the group level: an armed group''s id (HAMAS), a country''s unnamed rebels, insurgents or opposition (SYR-REB), else actor_key';
COMMENT ON TABLE event_dyads IS 'one row per dyad per actor level (0 country, 1 actor+sector, 2 group); strings are codes ids, see dyads_v';
