-- Read models of the membership service. Each table belongs to one projection (an Axon tracking processor) and is
-- emptied and refilled by a rebuild; nothing else writes to it. Versions from 100 on: the platform's own migrations
-- (event store, inbox) use the versions below 100.

-- Projection "clusters".
CREATE TABLE cluster (
    cluster_id  VARCHAR(64)  PRIMARY KEY,
    name        TEXT         NOT NULL,
    name_en     TEXT,
    region      TEXT,
    aliases     TEXT[]       NOT NULL,
    formed_at   TIMESTAMPTZ  NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL
);

-- Projection "rosters": every admission and way out as recorded, and the periods derived from them.
CREATE TABLE membership_record (
    event_id        VARCHAR(64) PRIMARY KEY,
    urban_area_id   VARCHAR(64) NOT NULL,
    move            VARCHAR(16) NOT NULL,
    cluster_id      VARCHAR(64),
    effective_from  DATE        NOT NULL,
    recorded_order  BIGINT      NOT NULL,
    retracted       BOOLEAN     NOT NULL DEFAULT FALSE
);
-- Periods are recomputed from one urban area's records at a time.
CREATE INDEX membership_record_by_urban_area ON membership_record (urban_area_id);

-- Half-open periods [valid_from, valid_until); valid_until null while it lasts.
CREATE TABLE membership_period (
    urban_area_id  VARCHAR(64) NOT NULL,
    cluster_id     VARCHAR(64) NOT NULL,
    valid_from     DATE        NOT NULL,
    valid_until    DATE,
    PRIMARY KEY (urban_area_id, valid_from)
);
-- "Who was a member of cluster X on date D": the as-of roster query.
CREATE INDEX membership_period_as_of ON membership_period (cluster_id, valid_from, valid_until);

CREATE TABLE urban_area (
    urban_area_id   VARCHAR(64) PRIMARY KEY,
    registered_at   TIMESTAMPTZ NOT NULL,
    dissolved_on    DATE,
    dissolved_into  TEXT[]      NOT NULL DEFAULT '{}'
);

-- What each record changed, from its effective date (null: from registration); attributes on a day are folded
-- from these in date order, so a late record of an earlier change does not overwrite later ones.
CREATE TABLE urban_area_change (
    urban_area_id   VARCHAR(64) NOT NULL,
    recorded_order  BIGINT      NOT NULL,
    effective_from  DATE,
    name            TEXT,
    kind            VARCHAR(16),
    province        TEXT,
    urban_class     VARCHAR(16),
    PRIMARY KEY (urban_area_id, recorded_order)
);

-- Projection "urban-area-history": every recorded change, who recorded it and when.
CREATE TABLE urban_area_history (
    event_id         VARCHAR(64) PRIMARY KEY,
    urban_area_id    VARCHAR(64) NOT NULL,
    recorded_order   BIGINT      NOT NULL,
    change           VARCHAR(32) NOT NULL,
    effective_from   DATE,
    cluster_id       VARCHAR(64),
    details          JSONB       NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    recorded_by      TEXT        NOT NULL,
    correlation_id   TEXT,
    retracted_by     VARCHAR(64)
);
CREATE INDEX urban_area_history_by_urban_area ON urban_area_history (urban_area_id, recorded_order);
