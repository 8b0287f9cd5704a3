-- jishi store schema (DuckDB). The database mirrors the article record of
-- ../shared/eval/CONTRACT.md; every row leads back to an article and, for spans, to offsets
-- [start, end) into articles.text. All writes go through jishi/store/writer.py.
--
-- Two levels of events:
--   article_events  one row per event as one article tells it (the record's event, id kept);
--   events          the cross-article clusters ("real-world events"), one row per cluster, with
--                   num_mentions / num_sources / num_articles as in GDELT. article_events.cluster_id
--                   points at events.id. Why two article events share a cluster is in merge_links.
-- Per-article rows are replaced as a whole when an article's content hash changes.
-- Lists are DuckDB VARCHAR[]; JSON-ish leftovers are VARCHAR holding JSON.
-- Dates are DATE (day); precision columns say how much of the date is known.

CREATE TABLE IF NOT EXISTS meta (
    key              VARCHAR PRIMARY KEY,
    value            VARCHAR
);

CREATE TABLE IF NOT EXISTS articles (
    id               VARCHAR PRIMARY KEY,   -- the input's id (record id)
    content_hash     VARCHAR NOT NULL,      -- sha256 of the input (title, text, published, url, source)
    title            VARCHAR,
    published        DATE,
    published_inferred BOOLEAN,
    published_source VARCHAR,               -- option | field | html | dateline | inferred
    url              VARCHAR,
    source           VARCHAR,               -- outlet
    source_path      VARCHAR,               -- file the article was read from
    text             VARCHAR,               -- cleaned body; all offsets index it
    captions         VARCHAR[],
    sections         VARCHAR,               -- JSON [{title, start}]
    errors           VARCHAR[],             -- stage errors recorded on the document
    record_version   INTEGER,
    pipeline         VARCHAR,               -- stage names that produced the record, comma-separated
    num_events       INTEGER,
    num_actors       INTEGER,
    num_quotes       INTEGER,
    ingested_at      TIMESTAMP              -- when this version was written (not part of equality checks)
);

-- Canonical actors across all articles (one row per actor id). Attributes are the most frequent
-- value over the articles that mention the actor (ties: smallest value), so they do not depend
-- on ingest order.
CREATE TABLE IF NOT EXISTS actors (
    id               VARCHAR PRIMARY KEY,   -- e.g. person:marco-rubio, state:UKR
    name             VARCHAR,               -- canonical Chinese name
    name_en          VARCHAR,
    kind             VARCHAR,               -- person | organization | state | group | location
    country          VARCHAR,               -- ISO 3166-1 alpha-3 or region/IGO code
    sector           VARCHAR,
    title            VARCHAR,               -- most frequent title given in articles
    num_articles     INTEGER,
    num_mentions     INTEGER,
    num_events       INTEGER,               -- clusters the actor is source or target of
    first_seen       DATE,                  -- earliest published date of an article naming it
    last_seen        DATE
);

-- The actor as one article presents it (title, relation, compound members).
CREATE TABLE IF NOT EXISTS article_actors (
    article_id       VARCHAR NOT NULL,
    actor_id         VARCHAR NOT NULL,
    name             VARCHAR,
    name_en          VARCHAR,
    kind             VARCHAR,
    country          VARCHAR,
    sector           VARCHAR,
    title            VARCHAR,
    relation         VARCHAR,
    members          VARCHAR[],
    num_mentions     INTEGER
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    article_id       VARCHAR NOT NULL,
    actor_id         VARCHAR NOT NULL,
    start            INTEGER NOT NULL,
    "end"            INTEGER NOT NULL,
    text             VARCHAR,               -- articles.text[start:end]
    sentence         INTEGER                -- index of the sentence (0-based) or NULL
);

CREATE TABLE IF NOT EXISTS places (
    article_id       VARCHAR NOT NULL,
    place_id         VARCHAR NOT NULL,
    name             VARCHAR,
    country          VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    precision        VARCHAR,
    parent           VARCHAR,
    mentions         INTEGER[][]            -- [[start, end], ...]
);

-- Cross-article event clusters.
CREATE TABLE IF NOT EXISTS events (
    id               VARCHAR PRIMARY KEY,   -- "ev-" + the member article event that reports it first
    type             VARCHAR NOT NULL,      -- PLOVER type
    mode             VARCHAR,
    cameo            VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    status           VARCHAR,
    negated          BOOLEAN,
    date             DATE,                  -- earliest member start
    date_end         DATE,                  -- latest member end (NULL for single day)
    date_precision   VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    source_actors    VARCHAR[],             -- union over members, sorted
    target_actors    VARCHAR[],
    source_names     VARCHAR[],             -- names of source_actors, same order
    target_names     VARCHAR[],
    source_countries VARCHAR[],
    target_countries VARCHAR[],
    num_mentions     INTEGER,               -- evidence sentences over all member articles
    num_sources      INTEGER,               -- distinct outlets (articles.source; attribution counts too)
    num_articles     INTEGER,
    confidence       DOUBLE,                -- max member confidence
    first_article    VARCHAR,               -- article of the representative member
    first_published  DATE,
    evidence         VARCHAR,               -- representative evidence sentence
    attributions     VARCHAR[],             -- every attribution over members
    merge_reasons    VARCHAR                -- one line per merge link inside the cluster (see merge_links)
);

-- One row per event as one article tells it; cluster_id -> events.id.
CREATE TABLE IF NOT EXISTS article_events (
    uid              VARCHAR NOT NULL,      -- article_id || '#' || event_id, unique in the database
    article_id       VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,      -- the record's event id
    cluster_id       VARCHAR,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    cameo            VARCHAR,
    goldstein        DOUBLE,
    quad_class       INTEGER,
    status           VARCHAR,
    negated          BOOLEAN,
    date             DATE,
    date_end         DATE,
    date_precision   VARCHAR,
    location_name    VARCHAR,
    location_country VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    source_actors    VARCHAR[],
    target_actors    VARCHAR[],
    attribution      VARCHAR[],
    confidence       DOUBLE,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    trigger_text     VARCHAR,
    evidence_text    VARCHAR,               -- the first evidence span
    published        DATE,                  -- the article's publication date (denormalised)
    dedup_lo         DATE,                  -- the day range dedup compares (date..date_end, month
    dedup_hi         DATE                   -- for month precision, published when undated)
);

-- Provenance, GDELT Mentions-style: one row per article event and evidence sentence.
CREATE TABLE IF NOT EXISTS event_mentions (
    cluster_id       VARCHAR,
    event_uid        VARCHAR NOT NULL,      -- article_events.uid
    article_id       VARCHAR NOT NULL,
    event_id         VARCHAR NOT NULL,
    sentence         INTEGER,               -- 0-based sentence index in the article, NULL if unknown
    start            INTEGER NOT NULL,      -- evidence span in articles.text
    "end"            INTEGER NOT NULL,
    text             VARCHAR,
    actor1_offset    INTEGER,               -- first mention of a source actor inside the span, or NULL
    actor2_offset    INTEGER,               -- first mention of a target actor inside the span, or NULL
    action_offset    INTEGER,               -- trigger start if inside the span
    attribution      VARCHAR[],             -- who reports it ([] = the outlet itself)
    source_name      VARCHAR,               -- articles.source
    url              VARCHAR,
    published        DATE,
    confidence       DOUBLE,
    doc_len          INTEGER
);

CREATE TABLE IF NOT EXISTS event_actors (
    cluster_id       VARCHAR NOT NULL,
    actor_id         VARCHAR NOT NULL,
    role             VARCHAR NOT NULL       -- source | target
);

-- Pairs of article events from different articles that pass the "same real-world event" test
-- (one row per pair, uid_a < uid_b), with why. Clusters are built from these links by complete
-- linkage (every pair inside a cluster is linked); cluster_id is set when both ends share one.
CREATE TABLE IF NOT EXISTS merge_links (
    uid_a            VARCHAR NOT NULL,
    uid_b            VARCHAR NOT NULL,
    score            DOUBLE,
    reasons          VARCHAR,               -- human-readable: type, mode, shared actors, date gap, place
    cluster_id       VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id       VARCHAR NOT NULL,
    idx              INTEGER NOT NULL,
    speaker          VARCHAR,               -- actor id or NULL
    speaker_text     VARCHAR,
    text             VARCHAR,
    start            INTEGER,
    "end"            INTEGER,
    kind             VARCHAR,               -- direct | paraphrase
    verb             VARCHAR
);

CREATE TABLE IF NOT EXISTS times (
    article_id       VARCHAR NOT NULL,
    idx              INTEGER NOT NULL,
    text             VARCHAR,
    start            INTEGER,
    "end"            INTEGER,
    value            VARCHAR,               -- ISO 8601 value, interval a/b, duration; NULL if unresolved
    kind             VARCHAR,
    precision        VARCHAR,
    anchor           VARCHAR,
    reason           VARCHAR
);
