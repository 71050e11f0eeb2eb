package org.giaoban.news.drafts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ArticleCorrected;
import org.giaoban.news.article.ArticleMessages.ArticlePublished;
import org.giaoban.news.article.ArticleMessages.ArticleReturned;
import org.giaoban.news.article.ArticleMessages.ArticleState;
import org.giaoban.news.article.ArticleMessages.ArticleSubmitted;
import org.giaoban.news.article.ArticleMessages.ArticleUnpublished;
import org.giaoban.news.article.ArticleMessages.ChecklistTicked;
import org.giaoban.news.article.ChecklistItem;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.news.article.ArticleMessages.DraftEdited;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The drafts read model: every article that is not published — {@code DRAFT}, {@code IN_REVIEW}, {@code UNPUBLISHED} —
 * whether an editor wrote it or the system did from a round's outcome, with its content in full, its slug, its state,
 * the note of its last return and its created and updated times (the events' times, so a rebuild gives the same rows).
 * A published article keeps its row, hidden from the queries, so that its corrected content is at hand when it is
 * unpublished.
 */
@Component
@ProcessingGroup(DraftsProjection.NAME)
public class DraftsProjection {

    public static final String NAME = "drafts";
    private static final TypeReference<List<Image>> IMAGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DraftsProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One line of the list: what an editor needs to pick an article, without its body. */
    public record DraftSummary(String articleId, String slug, ArticleState state, String source, String roundId, String title,
                               String summary, String category, List<String> tags, List<String> clusterIds,
                               List<String> urbanAreaIds, String returnNote, Instant createdAt, Instant updatedAt) {
    }

    /**
     * One article in full. {@code source}: {@code EDITOR} or {@code ROUND_OUTCOME} (with its {@code roundId});
     * {@code bodyFormat}: {@code TEXT} or {@code HTML} (the body as sanitised); {@code byline}: who signs it, if
     * anyone; {@code revision}: the published revision it was at (0 if never published); {@code returnNote}: the note
     * of its last return from review; {@code unpublicationReason}: why it was last unpublished; {@code checklist}:
     * what an editor is to add to a draft written from a round (empty for an editor's own article).
     */
    public record Draft(String articleId, String slug, ArticleState state, String source, String roundId, String title,
                        String summary, String body, BodyFormat bodyFormat, String byline, String category,
                        List<String> tags, List<String> clusterIds, List<String> urbanAreaIds, List<Image> images,
                        List<ChecklistEntry> checklist, int revision, String returnNote, String unpublicationReason,
                        Instant createdAt, Instant updatedAt) {
    }

    /** An item of a draft's checklist: its code, its Vietnamese label, and whether it is done. */
    public record ChecklistEntry(ChecklistItem item, String label, boolean done) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    // ---- events ------------------------------------------------------------------------------------------------------

    @EventHandler
    void on(DraftCreated event, @Timestamp Instant at) {
        ArticleContent content = event.content();
        jdbc.sql("""
                        INSERT INTO draft (article_id, slug, state, source, round_id, title, summary, body, body_format, byline,
                                           category, tags, cluster_ids, urban_area_ids, images, checklist, revision,
                                           created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, 0, ?, ?)""")
                .params(event.articleId(), event.slug(), ArticleState.DRAFT.name(), event.source().kind(),
                        event.source().roundId(), content.title(), content.summary(), content.body(),
                        content.bodyFormat().name(), content.byline(), content.category(),
                        array(content.tags()), array(content.clusterIds()), array(content.urbanAreaIds()),
                        images(content.images()), event.checklist().stream().map(Enum::name).toArray(String[]::new),
                        time(at), time(at))
                .update();
    }

    @EventHandler
    void on(DraftEdited event, @Timestamp Instant at) {
        content(event.articleId(), event.content(), at);
    }

    @EventHandler
    void on(ChecklistTicked event, @Timestamp Instant at) {
        jdbc.sql("UPDATE draft SET checklist_done = ?, updated_at = ? WHERE article_id = ?")
                .params(event.done().stream().map(Enum::name).toArray(String[]::new), time(at), event.articleId())
                .update();
    }

    @EventHandler
    void on(ArticleSubmitted event, @Timestamp Instant at) {
        jdbc.sql("UPDATE draft SET state = ?, updated_at = ? WHERE article_id = ?")
                .params(ArticleState.IN_REVIEW.name(), time(at), event.articleId())
                .update();
    }

    @EventHandler
    void on(ArticleReturned event, @Timestamp Instant at) {
        jdbc.sql("UPDATE draft SET state = ?, return_note = ?, updated_at = ? WHERE article_id = ?")
                .params(ArticleState.DRAFT.name(), event.note(), time(at), event.articleId())
                .update();
    }

    @EventHandler
    void on(ArticlePublished event, @Timestamp Instant at) {
        content(event.articleId(), event.content(), at);
        jdbc.sql("UPDATE draft SET state = ?, revision = ? WHERE article_id = ?")
                .params(ArticleState.PUBLISHED.name(), event.revision(), event.articleId())
                .update();
    }

    @EventHandler
    void on(ArticleUnpublished event, @Timestamp Instant at) {
        jdbc.sql("UPDATE draft SET state = ?, unpublication_reason = ?, updated_at = ? WHERE article_id = ?")
                .params(ArticleState.UNPUBLISHED.name(), event.reason(), time(at), event.articleId())
                .update();
    }

    @EventHandler
    void on(ArticleCorrected event, @Timestamp Instant at) {
        content(event.articleId(), event.content(), at);
        jdbc.sql("UPDATE draft SET revision = ? WHERE article_id = ?").params(event.revision(), event.articleId()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE draft").update();
    }

    private void content(String articleId, ArticleContent content, Instant at) {
        jdbc.sql("""
                        UPDATE draft SET title = ?, summary = ?, body = ?, body_format = ?, byline = ?, category = ?, tags = ?,
                                         cluster_ids = ?, urban_area_ids = ?, images = CAST(? AS jsonb), updated_at = ?
                        WHERE article_id = ?""")
                .params(content.title(), content.summary(), content.body(), content.bodyFormat().name(), content.byline(),
                        content.category(), array(content.tags()),
                        array(content.clusterIds()), array(content.urbanAreaIds()), images(content.images()), time(at),
                        articleId)
                .update();
    }

    // ---- queries -----------------------------------------------------------------------------------------------------

    /** Articles not published, newest first (by creation); {@code state} null for all three states. */
    public Page<DraftSummary> list(ArticleState state, int page, int size) {
        String where = state == null ? "state <> 'PUBLISHED'" : "state = :state";
        Map<String, Object> params = new HashMap<>();
        params.put("state", state == null ? null : state.name());
        params.put("limit", size);
        params.put("offset", (long) page * size);
        long total = jdbc.sql("SELECT count(*) FROM draft WHERE " + where).params(params).query(Long.class).single();
        List<DraftSummary> items = jdbc.sql("SELECT * FROM draft WHERE " + where
                        + " ORDER BY created_at DESC, article_id LIMIT :limit OFFSET :offset")
                .params(params).query(DraftsProjection::summary).list();
        return new Page<>(items, page, size, total);
    }

    /** The article in full, unless it is unknown or published. */
    public Optional<Draft> find(String articleId) {
        return jdbc.sql("SELECT * FROM draft WHERE article_id = ? AND state <> 'PUBLISHED'").param(articleId)
                .query(this::draft).optional();
    }

    private static DraftSummary summary(ResultSet row, int index) throws SQLException {
        return new DraftSummary(row.getString("article_id"), row.getString("slug"), ArticleState.valueOf(row.getString("state")),
                row.getString("source"), row.getString("round_id"), row.getString("title"), row.getString("summary"),
                row.getString("category"), list(row.getArray("tags")), list(row.getArray("cluster_ids")),
                list(row.getArray("urban_area_ids")), row.getString("return_note"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private Draft draft(ResultSet row, int index) throws SQLException {
        List<Image> images;
        try {
            images = json.readValue(row.getString("images"), IMAGES);
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable images of " + row.getString("article_id"), e);
        }
        return new Draft(row.getString("article_id"), row.getString("slug"), ArticleState.valueOf(row.getString("state")),
                row.getString("source"), row.getString("round_id"), row.getString("title"), row.getString("summary"),
                row.getString("body"), BodyFormat.valueOf(row.getString("body_format")), row.getString("byline"),
                row.getString("category"), list(row.getArray("tags")),
                list(row.getArray("cluster_ids")), list(row.getArray("urban_area_ids")), images,
                checklist(list(row.getArray("checklist")), list(row.getArray("checklist_done"))), row.getInt("revision"),
                row.getString("return_note"), row.getString("unpublication_reason"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private static List<ChecklistEntry> checklist(List<String> items, List<String> done) {
        return items.stream().map(ChecklistItem::valueOf)
                .map(item -> new ChecklistEntry(item, item.label(), done.contains(item.name()))).toList();
    }

    private String images(List<Image> images) {
        try {
            return json.writeValueAsString(images == null ? List.of() : images);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Images not writable as JSON", e);
        }
    }

    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static java.sql.Timestamp time(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
