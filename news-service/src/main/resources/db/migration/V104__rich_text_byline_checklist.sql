-- Rich text bodies (body_format TEXT or HTML; an HTML body is stored sanitised), the byline, and the checklist of
-- what a machine cannot know on the drafts the system writes from a concluded round. Rows written before are plain
-- text without byline or checklist, which the defaults say; a rebuild of the projections gives the same rows.

-- Projection "drafts": checklist holds the items in their order, checklist_done those ticked.
ALTER TABLE draft
    ADD COLUMN body_format     VARCHAR(8) NOT NULL DEFAULT 'TEXT',
    ADD COLUMN byline          TEXT,
    ADD COLUMN checklist       TEXT[]     NOT NULL DEFAULT '{}',
    ADD COLUMN checklist_done  TEXT[]     NOT NULL DEFAULT '{}';

-- Projection "published-news": body_text is the body's text (an HTML body without its tags, entities decoded), which
-- the search indexes instead of the markup, so that "strong" or a link's address never matches.
ALTER TABLE published_article
    ADD COLUMN body_format  VARCHAR(8) NOT NULL DEFAULT 'TEXT',
    ADD COLUMN byline       TEXT,
    ADD COLUMN body_text    TEXT;
UPDATE published_article SET body_text = body;
ALTER TABLE published_article ALTER COLUMN body_text SET NOT NULL;

-- A generated column's expression cannot be altered: the search column (and its index) is made anew over body_text.
ALTER TABLE published_article DROP COLUMN search;
ALTER TABLE published_article ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', news_fold(title)), 'A')
    || setweight(to_tsvector('simple', coalesce(news_fold(summary), '')), 'B')
    || setweight(to_tsvector('simple', news_fold_all(tags)), 'B')
    || setweight(to_tsvector('simple', news_fold(body_text)), 'C')
) STORED;
CREATE INDEX published_article_search ON published_article USING GIN (search);

ALTER TABLE published_article_revision
    ADD COLUMN body_format  VARCHAR(8) NOT NULL DEFAULT 'TEXT',
    ADD COLUMN byline       TEXT;
