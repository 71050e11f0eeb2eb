-- Projection "published-news": the public reading side. Every table here belongs to that projection (an Axon tracking
-- processor in org.giaoban.news.reading) and is emptied and refilled by a rebuild; nothing else writes to it.

-- Search folds diacritics away in the database: "Hoà Bình", "Hòa Bình" and "hoa binh" all index and query as
-- "hoa binh". unaccent is a trusted contrib extension (PostgreSQL 13+), present in Debian's postgresql-contrib and in
-- the embedded (zonky) binaries.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;

-- unaccent() is only STABLE (its dictionary could be changed); a generated column needs an IMMUTABLE expression.
-- Naming the dictionary explicitly makes the result depend on nothing but the argument. After unaccent, Vietnamese
-- text is plain ASCII letters, so lower() does not depend on the database's locale either.
CREATE FUNCTION news_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE FUNCTION news_fold_all(text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, array_to_string($1, ' '))) $$;

-- One row per article that was ever published: its current revision. listed = false while it is unpublished (kept,
-- so that a republication brings it back as it was).
CREATE TABLE published_article (
    article_id          VARCHAR(100) PRIMARY KEY,
    slug                VARCHAR(200) NOT NULL UNIQUE,
    listed              BOOLEAN      NOT NULL,
    revision            INTEGER      NOT NULL,
    title               TEXT         NOT NULL,
    summary             TEXT,
    body                TEXT         NOT NULL,
    category            TEXT         NOT NULL,
    -- VietnameseText.identityKey: filters and "same category" ignore case, spacing and tone-mark placement.
    category_key        TEXT         NOT NULL,
    tags                TEXT[]       NOT NULL,
    tag_keys            TEXT[]       NOT NULL,
    cluster_ids         TEXT[]       NOT NULL,
    urban_area_ids      TEXT[]       NOT NULL,
    -- [{"url": ..., "caption": ...}] in the article's order.
    images              JSONB        NOT NULL,
    source_kind         VARCHAR(32)  NOT NULL,
    source_round_id     VARCHAR(100),
    first_published_at  TIMESTAMPTZ  NOT NULL,
    published_at        TIMESTAMPTZ  NOT NULL,
    corrected_at        TIMESTAMPTZ,
    unpublished_at      TIMESTAMPTZ,
    -- The full-text index: folded words, weighted so that the title ranks above the summary and tags, and those above
    -- the body. 'simple': PostgreSQL has no Vietnamese dictionary, and Vietnamese words do not inflect.
    search              TSVECTOR GENERATED ALWAYS AS (
                            setweight(to_tsvector('simple', news_fold(title)), 'A')
                            || setweight(to_tsvector('simple', coalesce(news_fold(summary), '')), 'B')
                            || setweight(to_tsvector('simple', news_fold_all(tags)), 'B')
                            || setweight(to_tsvector('simple', news_fold(body)), 'C')
                        ) STORED
);
CREATE INDEX published_article_search ON published_article USING GIN (search);
CREATE INDEX published_article_newest ON published_article (published_at DESC, article_id) WHERE listed;
CREATE INDEX published_article_category ON published_article (category_key, published_at DESC) WHERE listed;
CREATE INDEX published_article_tags ON published_article USING GIN (tag_keys);
CREATE INDEX published_article_clusters ON published_article USING GIN (cluster_ids);
CREATE INDEX published_article_urban_areas ON published_article USING GIN (urban_area_ids);

-- Every published revision, the earlier ones kept after a correction, with the correction's note.
CREATE TABLE published_article_revision (
    article_id      VARCHAR(100) NOT NULL,
    revision        INTEGER      NOT NULL,
    title           TEXT         NOT NULL,
    summary         TEXT,
    body            TEXT         NOT NULL,
    category        TEXT         NOT NULL,
    tags            TEXT[]       NOT NULL,
    cluster_ids     TEXT[]       NOT NULL,
    urban_area_ids  TEXT[]       NOT NULL,
    images          JSONB        NOT NULL,
    note            TEXT,
    at              TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (article_id, revision)
);
