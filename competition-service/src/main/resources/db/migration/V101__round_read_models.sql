-- Read models of rounds: what the public reads about each cluster's emulation round, its ranking, the nominations it
-- carried, the hosts and leaders of each year and the themes. Each table belongs to one projection (an Axon tracking
-- processor, named in the comment above it); that projection's reset handler empties it and a rebuild refills it from
-- the event store with identical rows. Nothing else writes to these tables, and no row depends on when it was
-- written: every value comes from an event (ids, sequence numbers, event timestamps).
--
-- Lists are filtered here and sorted by the services in Vietnamese order of names (rule 11 and DOMAIN.md "Vietnamese
-- text"), which PostgreSQL's default collation does not know; the indexes below serve the filters.

-- ---------------------------------------------------------------------------------------------------------------------
-- Projection "rounds": one row per round, for GET /rounds and GET /rounds/{id}.
CREATE TABLE round_view (
    round_id                 VARCHAR(64)  PRIMARY KEY,
    cluster_id               VARCHAR(64)  NOT NULL,
    cluster_name             TEXT         NOT NULL,
    year                     INTEGER      NOT NULL,
    state                    VARCHAR(16)  NOT NULL,   -- PLANNED, OPEN, CONCLUDED
    movement                 TEXT         NOT NULL,
    theme                    TEXT         NOT NULL,
    host_id                  VARCHAR(64)  NOT NULL,
    host_name                TEXT         NOT NULL,
    leader_id                VARCHAR(64)  NOT NULL,
    leader_name              TEXT         NOT NULL,
    conference_date          DATE,
    venue                    TEXT,
    workshop_topic           TEXT,
    -- The rules as recorded with the round (legal basis, vote method, threshold, quotas, criteria).
    rules                    JSONB        NOT NULL,
    -- Copied out of the rules: whether individual ballots may be kept and tallies shown while a motion is open.
    vote_method              VARCHAR(16)  NOT NULL,
    roster_date              DATE,
    participants             JSONB        NOT NULL DEFAULT '[]',  -- [{id, name}] fixed at opening
    -- Results: filled as motions carry, completed by the conclusion.
    next_host_id             VARCHAR(64),
    next_host_name           TEXT,
    next_leader_id           VARCHAR(64),
    next_leader_name         TEXT,
    next_theme               TEXT,
    flag_handed_over_to_id   VARCHAR(64),
    flag_handed_over_to_name TEXT,
    nominations              JSONB        NOT NULL DEFAULT '[]',  -- [{urbanArea{id, name}, award}] carried
    next_round_id            VARCHAR(64)
);
-- GET /rounds?clusterId=&year=: the rounds of one cluster, optionally of one year.
CREATE INDEX round_view_by_cluster_year ON round_view (cluster_id, year);
-- GET /rounds?year= across clusters (e.g. every conference of 2023).
CREATE INDEX round_view_by_year ON round_view (year);

-- Projection "rounds": the motions of each round in the order they were tabled. The tally columns are filled only
-- from MotionDecided: while a motion is open, an OPEN round's tally is counted from round_ballot, a SECRET round's
-- is not shown at all.
CREATE TABLE round_motion (
    round_id        VARCHAR(64)  NOT NULL,
    motion_id       VARCHAR(16)  NOT NULL,
    tabled_order    BIGINT       NOT NULL,   -- the MotionTabled event's sequence number in the round's stream
    kind            VARCHAR(16)  NOT NULL,   -- NOMINATION, NEXT_HOST, NEXT_LEADER, NEXT_THEME
    candidate_id    VARCHAR(64),
    candidate_name  TEXT,
    award           VARCHAR(32),
    theme           TEXT,
    state           VARCHAR(16)  NOT NULL,   -- OPEN, WITHDRAWN, CARRIED, NOT_CARRIED
    approvals       INTEGER,
    rejections      INTEGER,
    abstentions     INTEGER,
    participants    INTEGER,
    outcome         VARCHAR(16),
    reason          TEXT,
    PRIMARY KEY (round_id, motion_id)
);
-- The primary key serves "the motions of a round"; ordering by tabled_order happens on those few rows.

-- Projection "rounds": which participants have a ballot in on each motion (rule 2: one per participant, replaced
-- until the motion closes). vote and recorded_by are kept for OPEN rounds only; for a SECRET round they are always
-- NULL, so that who voted how is never stored outside the event store (the check enforces it for the rows written).
CREATE TABLE round_ballot (
    round_id       VARCHAR(64)  NOT NULL,
    motion_id      VARCHAR(16)  NOT NULL,
    urban_area_id  VARCHAR(64)  NOT NULL,
    secret         BOOLEAN      NOT NULL,
    vote           VARCHAR(16),             -- APPROVE, REJECT, ABSTAIN; NULL in a SECRET round
    recorded_by    VARCHAR(16),             -- DELEGATE, COORDINATOR; NULL in a SECRET round
    PRIMARY KEY (round_id, motion_id, urban_area_id),
    CONSTRAINT round_ballot_secret_keeps_no_vote CHECK (NOT secret OR (vote IS NULL AND recorded_by IS NULL))
);
-- The primary key serves counting a motion's ballots and listing an OPEN round's votes.

-- ---------------------------------------------------------------------------------------------------------------------
-- Projection "ranking": the criteria of each round, its participants and their scores, for GET /rounds/{id}/ranking.
CREATE TABLE ranking_round (
    round_id    VARCHAR(64)  PRIMARY KEY,
    cluster_id  VARCHAR(64)  NOT NULL,
    year        INTEGER      NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    criteria    JSONB        NOT NULL    -- [{name, maxPoints}] from the round's rules, in their order
);

CREATE TABLE ranking_participant (
    round_id       VARCHAR(64)  NOT NULL,
    urban_area_id  VARCHAR(64)  NOT NULL,
    name           TEXT         NOT NULL,
    PRIMARY KEY (round_id, urban_area_id)
);

-- Rule 11: a new score for a participant and criterion replaces the old one (the key makes it an upsert).
CREATE TABLE ranking_score (
    round_id       VARCHAR(64)  NOT NULL,
    urban_area_id  VARCHAR(64)  NOT NULL,
    criterion      TEXT         NOT NULL,
    points         NUMERIC      NOT NULL,
    PRIMARY KEY (round_id, urban_area_id, criterion)
);
-- Both primary keys start with round_id: a round's ranking reads them by that prefix, no other index is needed.

-- ---------------------------------------------------------------------------------------------------------------------
-- Projection "nominations": one row per carried nomination (rule 9: PROPOSED -> FORWARDED -> AWARDED | DECLINED),
-- for GET /nominations.
CREATE TABLE nomination (
    round_id             VARCHAR(64)  NOT NULL,
    urban_area_id        VARCHAR(64)  NOT NULL,
    cluster_id           VARCHAR(64)  NOT NULL,
    cluster_name         TEXT         NOT NULL,
    year                 INTEGER      NOT NULL,
    urban_area_name      TEXT         NOT NULL,
    award                VARCHAR(32)  NOT NULL,
    approvals            INTEGER      NOT NULL,
    participants         INTEGER      NOT NULL,
    status               VARCHAR(16)  NOT NULL,
    proposed_at          TIMESTAMPTZ  NOT NULL,   -- timestamps of the events, not of the projection's work
    forwarded_reference  TEXT,
    forwarded_at         TIMESTAMPTZ,
    decision_reference   TEXT,
    decided_at           TIMESTAMPTZ,
    -- Rule 4: at most one award per member per round, so the round and the member identify a nomination.
    PRIMARY KEY (round_id, urban_area_id)
);
-- GET /nominations?clusterId=&year=: one cluster's proposals, optionally of one year.
CREATE INDEX nomination_by_cluster_year ON nomination (cluster_id, year);
-- GET /nominations?urbanAreaId=: one member's awards across years and clusters.
CREATE INDEX nomination_by_urban_area ON nomination (urban_area_id);
-- GET /nominations?year= across clusters; award and status have too few values to deserve an index.
CREATE INDEX nomination_by_year ON nomination (year);

-- ---------------------------------------------------------------------------------------------------------------------
-- Projection "hosts": per cluster and year, the host and leader of that year's round, the flag handover at its
-- conclusion, and the host and leader it chose for the next year (upcoming_*), for GET /hosts.
CREATE TABLE host_year (
    cluster_id                VARCHAR(64)  NOT NULL,
    year                      INTEGER      NOT NULL,
    cluster_name              TEXT         NOT NULL,
    -- Events after planning name only the round: they find its row by this key.
    round_id                  VARCHAR(64)  NOT NULL UNIQUE,
    host_id                   VARCHAR(64)  NOT NULL,
    host_name                 TEXT         NOT NULL,
    leader_id                 VARCHAR(64)  NOT NULL,
    leader_name               TEXT         NOT NULL,
    flag_handed_over_to_id    VARCHAR(64),
    flag_handed_over_to_name  TEXT,
    upcoming_host_id          VARCHAR(64),
    upcoming_host_name        TEXT,
    upcoming_leader_id        VARCHAR(64),
    upcoming_leader_name      TEXT,
    concluded                 BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (cluster_id, year)
);
-- The primary key serves GET /hosts?clusterId= (a cluster's years).

-- Projection "hosts": every decided NEXT_HOST and NEXT_LEADER motion, the candidates of each selection with their
-- tallies (from MotionDecided only, so a SECRET round's votes stay secret).
CREATE TABLE host_candidate (
    round_id        VARCHAR(64)  NOT NULL,
    motion_id       VARCHAR(16)  NOT NULL,
    cluster_id      VARCHAR(64)  NOT NULL,
    year            INTEGER      NOT NULL,   -- the year of the round that voted (the selection is for year + 1)
    kind            VARCHAR(16)  NOT NULL,   -- NEXT_HOST, NEXT_LEADER
    decided_order   BIGINT       NOT NULL,   -- the MotionDecided event's sequence number in the round's stream
    candidate_id    VARCHAR(64)  NOT NULL,
    candidate_name  TEXT         NOT NULL,
    approvals       INTEGER      NOT NULL,
    rejections      INTEGER      NOT NULL,
    abstentions     INTEGER      NOT NULL,
    participants    INTEGER      NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    reason          TEXT,
    PRIMARY KEY (round_id, motion_id)
);
-- GET /hosts?clusterId=: the candidates are read with their cluster's years.
CREATE INDEX host_candidate_by_cluster_year ON host_candidate (cluster_id, year);

-- ---------------------------------------------------------------------------------------------------------------------
-- Projection "themes": per cluster and year, the theme: round_theme from that year's round (planned or amended),
-- adopted_theme from the previous year's conference (NextThemeAdopted), kept apart so that the result does not depend
-- on which of the two streams is read first; the round's own theme wins when both exist. For GET /themes.
CREATE TABLE theme_year (
    cluster_id           VARCHAR(64)  NOT NULL,
    year                 INTEGER      NOT NULL,
    cluster_name         TEXT         NOT NULL,
    -- NULL until that year's round is planned; unique because events after planning find the row by it.
    round_id             VARCHAR(64)  UNIQUE,
    round_theme          TEXT,
    adopted_theme        TEXT,
    adopted_in_round_id  VARCHAR(64),
    PRIMARY KEY (cluster_id, year)
);
-- The primary key serves GET /themes?clusterId=&year=.
-- GET /themes?year= across clusters.
CREATE INDEX theme_year_by_year ON theme_year (year);

-- Projection "themes": the NEXT_THEME proposals that did not carry, listed under the year they were proposed for.
CREATE TABLE theme_lost_proposal (
    round_id        VARCHAR(64)  NOT NULL,
    motion_id       VARCHAR(16)  NOT NULL,
    cluster_id      VARCHAR(64)  NOT NULL,
    for_year        INTEGER      NOT NULL,
    decided_order   BIGINT       NOT NULL,
    theme           TEXT         NOT NULL,
    approvals       INTEGER      NOT NULL,
    rejections      INTEGER      NOT NULL,
    abstentions     INTEGER      NOT NULL,
    participants    INTEGER      NOT NULL,
    reason          TEXT,
    PRIMARY KEY (round_id, motion_id)
);
-- GET /themes: the lost proposals are read with the years they were proposed for.
CREATE INDEX theme_lost_proposal_by_cluster_year ON theme_lost_proposal (cluster_id, for_year);
