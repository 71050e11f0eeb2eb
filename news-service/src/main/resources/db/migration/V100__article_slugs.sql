-- The write side's one set-wide rule: a slug names one article. Written with the command that creates the article,
-- in its transaction; not a read model, so a rebuild of the projections leaves it alone.
CREATE TABLE article_slug (
    slug        VARCHAR(200) PRIMARY KEY,
    article_id  VARCHAR(100) NOT NULL UNIQUE
);
