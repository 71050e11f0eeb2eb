package org.giaoban.news.reading;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.giaoban.news.names.Names;

/**
 * Reads the published-news projection: lists (newest first, or by relevance for a search), one article with its
 * revisions and related articles. Only listed (published, not unpublished) articles are ever shown.
 */
@Component
public class PublishedNews {

    /** At most this many articles in each related list of an article. */
    public static final int RELATED = 5;

    private static final String SUMMARY_COLUMNS = """
            a.slug, a.title, a.summary, a.category, a.tags, a.cluster_ids, a.urban_area_ids, a.images, a.revision,
            a.published_at, a.corrected_at""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    private final Names names;

    public PublishedNews(JdbcClient jdbc, ObjectMapper json, Names names) {
        this.jdbc = jdbc;
        this.json = json;
        this.names = names;
    }

    /** Names as membership calls them now, with the id itself where membership has not told it (yet). */
    private static List<ArticleView.Named> named(List<String> ids, java.util.Map<String, String> known) {
        return ids.stream().map(id -> new ArticleView.Named(id, known.getOrDefault(id, id))).toList();
    }

    /**
     * Published articles matching the filter, newest first; with a search ({@code q}), the best matches first
     * (ts_rank over the weighted index: title, then summary and tags, then body), newest first among equals.
     *
     * <p>The search runs on the GIN index of the generated tsvector column: the query is folded as the text was
     * ({@link VietnameseText#fold} here, {@code news_fold} = lower(unaccent) in the database), so "Hoà Bình",
     * "Hòa Bình" and "hoa binh" are the same words; every word of {@code q} must occur.
     */
    public Page<ArticleSummary> list(ArticleFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder from = new StringBuilder(" FROM published_article a");
        if (filter.q() != null) {
            from.append(", plainto_tsquery('simple', news_fold(?)) query");
            params.add(VietnameseText.fold(filter.q()));
        }
        from.append(" WHERE a.listed");
        if (filter.q() != null) {
            from.append(" AND a.search @@ query");
        }
        if (filter.category() != null) {
            from.append(" AND a.category_key = ?");
            params.add(VietnameseText.identityKey(filter.category()));
        }
        if (filter.tag() != null) {
            from.append(" AND a.tag_keys @> ARRAY[?]::text[]");
            params.add(VietnameseText.identityKey(filter.tag()));
        }
        if (filter.clusterId() != null) {
            from.append(" AND a.cluster_ids @> ARRAY[?]::text[]");
            params.add(filter.clusterId());
        }
        if (filter.urbanAreaId() != null) {
            from.append(" AND a.urban_area_ids @> ARRAY[?]::text[]");
            params.add(filter.urbanAreaId());
        }
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        String order = filter.q() != null
                ? " ORDER BY ts_rank(a.search, query) DESC, a.published_at DESC, a.article_id"
                : " ORDER BY a.published_at DESC, a.article_id";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ArticleSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + from + order + " LIMIT ? OFFSET ?")
                .params(pageParams).query(this::summary).list();
        return new Page<>(items, page, size, total);
    }

    /** A published article with its revisions and related lists; empty when no listed article has that slug. */
    public Optional<ArticleView> article(String slug) {
        return jdbc.sql("SELECT * FROM published_article WHERE slug = ? AND listed").param(slug)
                .query((row, i) -> new Row(row.getString("article_id"), new ArticleView(row.getString("slug"),
                        row.getString("title"), row.getString("summary"), row.getString("body"),
                        BodyFormat.valueOf(row.getString("body_format")), row.getString("byline"), row.getString("category"),
                        strings(row.getArray("tags")), strings(row.getArray("cluster_ids")),
                        strings(row.getArray("urban_area_ids")), images(row.getString("images")), row.getInt("revision"),
                        instant(row, "first_published_at"), instant(row, "published_at"), instant(row, "corrected_at"),
                        url(row.getString("slug")), List.of(), List.of(), List.of(), List.of(), List.of())))
                .optional()
                .map(found -> {
                    ArticleView a = found.view();
                    return new ArticleView(a.slug(), a.title(), a.summary(), a.body(), a.bodyFormat(), a.byline(),
                            a.category(), a.tags(), a.clusterIds(),
                            a.urbanAreaIds(), a.images(), a.revision(), a.firstPublishedAt(), a.publishedAt(), a.correctedAt(),
                            a.url(), revisions(found.articleId()), sameCategory(found.articleId()),
                            youMayBeInterested(found.articleId()), named(a.clusterIds(), names.clusterNames(a.clusterIds())),
                            named(a.urbanAreaIds(), names.urbanAreaNames(a.urbanAreaIds())));
                });
    }

    private record Row(String articleId, ArticleView view) {
    }

    private List<ArticleView.RevisionView> revisions(String articleId) {
        return jdbc.sql("SELECT revision, title, note, at FROM published_article_revision WHERE article_id = ? ORDER BY revision")
                .param(articleId)
                .query((row, i) -> new ArticleView.RevisionView(row.getInt("revision"), row.getString("title"),
                        row.getString("note"), instant(row, "at")))
                .list();
    }

    /** Tin cùng chuyên mục: the newest other published articles of the same category. */
    private List<ArticleSummary> sameCategory(String articleId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                         FROM published_article cur JOIN published_article a
                           ON a.category_key = cur.category_key AND a.article_id <> cur.article_id AND a.listed
                        WHERE cur.article_id = ?
                        ORDER BY a.published_at DESC, a.article_id
                        LIMIT ?""")
                .params(articleId, RELATED).query(this::summary).list();
    }

    /**
     * Có thể bạn quan tâm: other published articles sharing a tag, a cluster or an urban area with this one, those
     * sharing the most first, then the newest.
     */
    private List<ArticleSummary> youMayBeInterested(String articleId) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + """
                         FROM published_article cur JOIN published_article a
                           ON a.article_id <> cur.article_id AND a.listed
                          AND (a.tag_keys && cur.tag_keys OR a.cluster_ids && cur.cluster_ids
                               OR a.urban_area_ids && cur.urban_area_ids)
                        WHERE cur.article_id = ?
                        ORDER BY (SELECT count(*) FROM unnest(a.tag_keys) t WHERE t = ANY (cur.tag_keys))
                               + (SELECT count(*) FROM unnest(a.cluster_ids) c WHERE c = ANY (cur.cluster_ids))
                               + (SELECT count(*) FROM unnest(a.urban_area_ids) u WHERE u = ANY (cur.urban_area_ids)) DESC,
                                 a.published_at DESC, a.article_id
                        LIMIT ?""")
                .params(articleId, RELATED).query(this::summary).list();
    }

    private ArticleSummary summary(ResultSet row, int index) throws SQLException {
        List<ImageView> images = images(row.getString("images"));
        return new ArticleSummary(row.getString("slug"), row.getString("title"), row.getString("summary"),
                row.getString("category"), strings(row.getArray("tags")), strings(row.getArray("cluster_ids")),
                strings(row.getArray("urban_area_ids")), images.isEmpty() ? null : images.get(0), row.getInt("revision"),
                instant(row, "published_at"), instant(row, "corrected_at"), url(row.getString("slug")));
    }

    /** The public page of an article. */
    public static String url(String slug) {
        return "/news/" + slug;
    }

    private List<ImageView> images(String images) {
        try {
            return json.readValue(images, new TypeReference<List<ImageView>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
