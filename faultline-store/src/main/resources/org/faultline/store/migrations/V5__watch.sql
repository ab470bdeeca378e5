-- What faultline watch remembers between runs, so that a restart (even after kill -9) neither loses nor repeats
-- items or alerts. Times are milliseconds since 1970-01-01 UTC (BIGINT: the same on both dialects).
-- A feed or folder followed, with the validators of its last answer and its health.
CREATE TABLE watch_feeds (
    feed_id       VARCHAR PRIMARY KEY,
    address       VARCHAR NOT NULL,
    outlet        VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    last_poll     BIGINT,
    last_success  BIGINT,
    last_error    VARCHAR,
    failures      INTEGER NOT NULL,
    next_poll     BIGINT,
    items         BIGINT NOT NULL
);
-- Every item taken from a feed (or file from a folder), written in the transaction that stores its document:
-- an item is either here with its document, or absent with no document.
CREATE TABLE watch_items (
    feed_id        VARCHAR NOT NULL,
    item_key       VARCHAR NOT NULL,
    url            VARCHAR,
    title          VARCHAR,
    outlet         VARCHAR,
    published      DATE,
    doc_id         VARCHAR,
    status         VARCHAR NOT NULL,
    reason         VARCHAR,
    alerts_checked BOOLEAN NOT NULL,
    seen_at        BIGINT NOT NULL,
    PRIMARY KEY (feed_id, item_key)
);
CREATE INDEX watch_items_url ON watch_items (url);
-- Alerts, each once (its id says what is new: kind, dyad, type or class, week); written and posted mark delivery.
CREATE TABLE watch_alerts (
    alert_id   VARCHAR PRIMARY KEY,
    seq        BIGINT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    body       VARCHAR NOT NULL,
    written_at BIGINT,
    posted_at  BIGINT
);
