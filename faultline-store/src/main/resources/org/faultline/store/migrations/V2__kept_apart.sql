-- Mentions an analyst split off a merged story: they stay their own events and are never linked again, by
-- incremental merging or by a batch recompute, until the split is forgotten.
CREATE TABLE kept_apart (
    event_id VARCHAR PRIMARY KEY,
    story_id VARCHAR NOT NULL,
    split_at TIMESTAMP NOT NULL
);
