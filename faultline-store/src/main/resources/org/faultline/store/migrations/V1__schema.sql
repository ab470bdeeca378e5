-- Faultline store, schema 1: the same tables and columns on DuckDB and PostgreSQL; the row-store indexes at the end
-- are PostgreSQL's alone (see Migrations for the -- [dialect] sections).
-- No foreign keys: DuckDB restricts updates of referenced rows, and every document is written in one
-- transaction, which is what keeps the tables consistent.
CREATE TABLE documents (
    content_hash VARCHAR PRIMARY KEY,
    doc_id       VARCHAR NOT NULL,
    doc_date     DATE NOT NULL,
    title        VARCHAR,
    source       VARCHAR,
    url          VARCHAR,
    origin       VARCHAR,
    text         VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL,
    status       VARCHAR NOT NULL,
    event_count  INTEGER NOT NULL
);
CREATE TABLE events (
    event_id       VARCHAR PRIMARY KEY,
    doc_id         VARCHAR NOT NULL,
    event_type     VARCHAR NOT NULL,
    mode           VARCHAR,
    context        VARCHAR,
    cameo_code     VARCHAR,
    quad_class     INTEGER NOT NULL,
    goldstein      DOUBLE PRECISION NOT NULL,
    plover_score   DOUBLE PRECISION NOT NULL,
    event_date     DATE NOT NULL,
    date_precision VARCHAR NOT NULL,
    loc_text       VARCHAR,
    loc_country    VARCHAR,
    loc_admin1     VARCHAR,
    loc_lat        DOUBLE PRECISION,
    loc_lon        DOUBLE PRECISION,
    qty_text       VARCHAR,
    qty_value      BIGINT,
    qty_unit       VARCHAR,
    qty_kind       VARCHAR,
    negated        BOOLEAN NOT NULL,
    modality       VARCHAR NOT NULL,
    status         VARCHAR NOT NULL,
    attr_text      VARCHAR,
    attr_code      VARCHAR,
    attr_verb      VARCHAR,
    confidence     DOUBLE PRECISION NOT NULL,
    rule           VARCHAR,
    version        VARCHAR,
    story_id       VARCHAR NOT NULL,
    -- actor keys as '|RUS|PRK|': lets merging find candidates in this table alone
    actor_keys     VARCHAR NOT NULL,
    recipient_keys VARCHAR NOT NULL,
    -- the whole event as EventJson: reading a page of events is one keyed read of this table
    event_json     VARCHAR NOT NULL
);
CREATE TABLE event_actors (
    event_id   VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    text       VARCHAR,
    code       VARCHAR,
    sector     VARCHAR,
    name       VARCHAR,
    kb_id      VARCHAR,
    actor_key  VARCHAR,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE TABLE evidence (
    event_id      VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    doc_id        VARCHAR,
    sentence      INTEGER NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    text          VARCHAR,
    trigger_text  VARCHAR,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL
);
-- One row per (source, target) of an event at each actor level: level 0 (country) rows have no sectors and
-- join distinct keys, level 1 (actor+sector) rows join distinct key+sector pairs, so each level counts an
-- event once per dyad. Strings are integers from the codes table (actor keys, sectors, type and status
-- names): grouping 10 million rows by integers is several times faster than by strings.
CREATE TABLE event_dyads (
    event_id        VARCHAR NOT NULL,
    actor_level     INTEGER NOT NULL,
    src             INTEGER NOT NULL,
    src_sector      INTEGER,
    dst             INTEGER NOT NULL,
    dst_sector      INTEGER,
    joint           BOOLEAN NOT NULL,
    event_type      INTEGER NOT NULL,
    quad_class      INTEGER NOT NULL,
    event_date      DATE NOT NULL,
    status          INTEGER NOT NULL,
    goldstein       DOUBLE PRECISION NOT NULL,
    plover_score    DOUBLE PRECISION NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    representative  BOOLEAN NOT NULL
);
CREATE TABLE codes (
    code_id INTEGER PRIMARY KEY,
    code    VARCHAR NOT NULL UNIQUE
);
CREATE TABLE stories (
    story_id   VARCHAR PRIMARY KEY,
    event_type VARCHAR NOT NULL,
    first_date DATE NOT NULL,
    last_date  DATE NOT NULL,
    mentions   INTEGER NOT NULL,
    documents  INTEGER NOT NULL
);
CREATE TABLE failures (
    origin    VARCHAR NOT NULL,
    doc_id    VARCHAR,
    stage     VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE TABLE store_settings (
    name  VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
-- [postgresql] Row-store indexes; DuckDB scans columns instead.
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_story ON events (story_id);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX event_actors_event ON event_actors (event_id);
CREATE INDEX event_actors_key ON event_actors (actor_key, role);
CREATE INDEX evidence_event ON evidence (event_id);
CREATE INDEX event_dyads_src ON event_dyads (src, dst, actor_level);
CREATE INDEX event_dyads_dst ON event_dyads (dst);
CREATE INDEX event_dyads_event ON event_dyads (event_id);
CREATE INDEX event_dyads_date ON event_dyads (event_date);
CREATE INDEX failures_origin ON failures (origin);
-- [end]
