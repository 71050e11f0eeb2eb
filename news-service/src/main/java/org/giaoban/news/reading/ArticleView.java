package org.giaoban.news.reading;

import java.time.Instant;
import java.util.List;

import org.giaoban.news.article.ArticleContent.BodyFormat;

/**
 * One published article as a reader sees it: its current revision ({@code body} in {@code bodyFormat}: {@code TEXT}
 * or sanitised {@code HTML}; {@code byline}: who signs it, if anyone), the list of its revisions (the earlier ones are
 * kept after a correction, with the correction's note), and two lists of other published articles:
 * {@code sameCategory} (Tin cùng chuyên mục) and {@code youMayBeInterested} (Có thể bạn quan tâm).
 */
public record ArticleView(String slug, String title, String summary, String body, BodyFormat bodyFormat, String byline,
                          String category, List<String> tags,
                          List<String> clusterIds, List<String> urbanAreaIds, List<ImageView> images, int revision,
                          Instant firstPublishedAt, Instant publishedAt, Instant correctedAt, String url,
                          List<RevisionView> revisions, List<ArticleSummary> sameCategory,
                          List<ArticleSummary> youMayBeInterested, List<Named> clusters, List<Named> urbanAreas) {

    /** A cluster or urban area the article is about, named as membership names it now. */
    public record Named(String id, String name) {
    }

    /** {@code note}: what the correction changed; none for the first revision. {@code at}: when it was published. */
    public record RevisionView(int revision, String title, String note, Instant at) {
    }

    /** The latest correction's note, if the article was corrected. */
    public String correctionNote() {
        return revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).note();
    }
}
