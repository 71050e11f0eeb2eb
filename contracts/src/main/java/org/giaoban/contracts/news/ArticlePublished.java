package org.giaoban.contracts.news;

import java.time.Instant;
import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/**
 * An article (bài viết) was published, or published again after it was unpublished: what a reader sees of it and
 * what it is about. {@code tags}, {@code clusterIds} and {@code urbanAreaIds} are never null (empty when none);
 * {@code publishedAt} is an instant, serialised as ISO-8601 ({@code 2023-09-25T02:00:00Z}).
 * {@code source}: {@value #EDITOR} (an editor wrote it) or {@value #ROUND_OUTCOME} (a draft the system wrote from a
 * concluded round, which an editor published); {@code roundId} is the round such an article reports, null for
 * {@value #EDITOR}.
 */
public record ArticlePublished(String articleId, String slug, String title, String summary, String category,
                               List<String> tags, List<String> clusterIds, List<String> urbanAreaIds,
                               Instant publishedAt, String source, String roundId) implements IntegrationEvent {

    public static final String EDITOR = "EDITOR";
    public static final String ROUND_OUTCOME = "ROUND_OUTCOME";

    @Override
    public String subject() {
        return articleId;
    }
}
