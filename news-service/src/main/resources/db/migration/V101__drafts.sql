-- Projection "drafts": the editors' view of every article that is not published (DRAFT, IN_REVIEW, UNPUBLISHED),
-- content in full. A published article keeps its row, hidden from every query, so that its latest content (after
-- corrections) is there when it is unpublished. Times are the events' own: a rebuild gives identical rows.
CREATE TABLE draft (
    article_id            VARCHAR(100) PRIMARY KEY,
    slug                  VARCHAR(200) NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    source                VARCHAR(16)  NOT NULL,
    round_id              VARCHAR(100),
    title                 TEXT         NOT NULL,
    summary               TEXT,
    body                  TEXT         NOT NULL,
    category              TEXT         NOT NULL,
    tags                  TEXT[]       NOT NULL,
    cluster_ids           TEXT[]       NOT NULL,
    urban_area_ids        TEXT[]       NOT NULL,
    images                JSONB        NOT NULL,
    -- The published revision it was at (0: never published).
    revision              INTEGER      NOT NULL,
    return_note           TEXT,
    unpublication_reason  TEXT,
    created_at            TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL
);
-- Newest first, optionally of one state.
CREATE INDEX draft_by_state ON draft (state, created_at DESC);
CREATE INDEX draft_by_creation ON draft (created_at DESC);
