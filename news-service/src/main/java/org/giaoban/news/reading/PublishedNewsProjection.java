package org.giaoban.news.reading;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.article.RichText;
import org.giaoban.news.article.ArticleMessages.ArticleCorrected;
import org.giaoban.news.article.ArticleMessages.ArticlePublished;
import org.giaoban.news.article.ArticleMessages.ArticleUnpublished;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The public reading side: each published article as its current revision, every revision with its correction note,
 * and the full-text index (a generated, unaccented tsvector column, see V102). An unpublished article leaves the
 * public lists and pages and comes back, as it was, when it is published again. Drafts never reach these tables.
 */
@Component
@ProcessingGroup(PublishedNewsProjection.NAME)
public class PublishedNewsProjection {

    public static final String NAME = "published-news";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public PublishedNewsProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A first publication, or a republication after an unpublication (same revision, a new publication time). */
    @EventHandler
    void on(ArticlePublished event) {
        ArticleContent c = event.content();
        Timestamp publishedAt = Timestamp.from(event.publishedAt());
        jdbc.sql("""
                        INSERT INTO published_article (article_id, slug, listed, revision, title, summary, body, body_format,
                                                       body_text, byline, category, category_key, tags, tag_keys,
                                                       cluster_ids, urban_area_ids, images, source_kind, source_round_id,
                                                       first_published_at, published_at)
                        VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                        ON CONFLICT (article_id) DO UPDATE SET
                            listed = TRUE, revision = EXCLUDED.revision, title = EXCLUDED.title, summary = EXCLUDED.summary,
                            body = EXCLUDED.body, body_format = EXCLUDED.body_format, body_text = EXCLUDED.body_text,
                            byline = EXCLUDED.byline, category = EXCLUDED.category, category_key = EXCLUDED.category_key,
                            tags = EXCLUDED.tags, tag_keys = EXCLUDED.tag_keys, cluster_ids = EXCLUDED.cluster_ids,
                            urban_area_ids = EXCLUDED.urban_area_ids, images = EXCLUDED.images,
                            published_at = EXCLUDED.published_at, unpublished_at = NULL""")
                .params(event.articleId(), event.slug(), event.revision(), c.title(), c.summary(), c.body(),
                        c.bodyFormat().name(), bodyText(c), c.byline(), c.category(), VietnameseText.identityKey(c.category()), array(c.tags()), keys(c.tags()), array(c.clusterIds()),
                        array(c.urbanAreaIds()), images(c), event.source() == null ? "EDITOR" : event.source().kind(),
                        event.source() == null ? null : event.source().roundId(), publishedAt, publishedAt)
                .update();
        insertRevision(event.articleId(), event.revision(), c, null, publishedAt);
    }

    /** The corrected content becomes the current revision; the earlier one stays in the revisions. */
    @EventHandler
    void on(ArticleCorrected event, @org.axonframework.eventhandling.Timestamp Instant at) {
        ArticleContent c = event.content();
        Timestamp correctedAt = Timestamp.from(at);
        jdbc.sql("""
                        UPDATE published_article SET revision = ?, title = ?, summary = ?, body = ?, body_format = ?,
                               body_text = ?, byline = ?, category = ?, category_key = ?, tags = ?, tag_keys = ?,
                               cluster_ids = ?, urban_area_ids = ?, images = ?::jsonb, corrected_at = ?
                        WHERE article_id = ?""")
                .params(event.revision(), c.title(), c.summary(), c.body(), c.bodyFormat().name(), bodyText(c), c.byline(),
                        c.category(), VietnameseText.identityKey(c.category()),
                        array(c.tags()), keys(c.tags()), array(c.clusterIds()), array(c.urbanAreaIds()), images(c), correctedAt,
                        event.articleId())
                .update();
        insertRevision(event.articleId(), event.revision(), c, event.note(), correctedAt);
    }

    @EventHandler
    void on(ArticleUnpublished event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE published_article SET listed = FALSE, unpublished_at = ? WHERE article_id = ?")
                .params(Timestamp.from(at), event.articleId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE published_article, published_article_revision").update();
    }

    private void insertRevision(String articleId, int revision, ArticleContent c, String note, Timestamp at) {
        // A republication repeats the revision it had: the first record of a revision is the one kept.
        jdbc.sql("""
                        INSERT INTO published_article_revision (article_id, revision, title, summary, body, body_format,
                                                                byline, category, tags, cluster_ids, urban_area_ids, images,
                                                                note, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                        ON CONFLICT (article_id, revision) DO NOTHING""")
                .params(articleId, revision, c.title(), c.summary(), c.body(), c.bodyFormat().name(), c.byline(),
                        c.category(), array(c.tags()),
                        array(c.clusterIds()), array(c.urbanAreaIds()), images(c), note, at)
                .update();
    }

    private String images(ArticleContent content) {
        List<ArticleContent.Image> images = content.images() == null ? List.of() : content.images();
        try {
            return json.writeValueAsString(images.stream()
                    .map(i -> new ImageView(i.url(), i.caption(), i.afterParagraph())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the search indexes: the text of an HTML body (no tags, no link addresses), a plain-text body as it is. */
    static String bodyText(ArticleContent content) {
        return content.bodyFormat() == BodyFormat.HTML ? RichText.text(content.body()) : content.body();
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static String[] keys(List<String> values) {
        return values == null ? new String[0] : values.stream().map(VietnameseText::identityKey).distinct().toArray(String[]::new);
    }
}
