package org.giaoban.news.article;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slugs in a table with a unique key, written in the transaction of the command that creates the article: two
 * articles with the same title at the same moment get two slugs, never one.
 */
@Component
class JdbcSlugRegistry implements SlugRegistry {

    private final JdbcClient jdbc;

    JdbcSlugRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String reserve(String base, String articleId) {
        Optional<String> held = slugOf(articleId);
        if (held.isPresent()) {
            return held.get();
        }
        String root = base == null || base.isEmpty() ? "bai-viet" : base;
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? root : root + "-" + n;
            // ON CONFLICT keeps the transaction usable: a failed insert would abort it in PostgreSQL.
            int inserted = jdbc.sql("INSERT INTO article_slug (slug, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(candidate, articleId).update();
            if (inserted == 1) {
                return candidate;
            }
        }
    }

    /** The slug the article holds (committed with its creation), for the answer to the request that created it. */
    Optional<String> slugOf(String articleId) {
        return jdbc.sql("SELECT slug FROM article_slug WHERE article_id = ?").param(articleId).query(String.class).optional();
    }
}
