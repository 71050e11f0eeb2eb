package org.giaoban.news.reading;

import java.time.Instant;
import java.util.List;

/**
 * A published article in a list: enough to show a title, its picture and where it belongs. {@code url} is the public
 * page of the article, {@code /news/{slug}}.
 */
public record ArticleSummary(String slug, String title, String summary, String category, List<String> tags,
                             List<String> clusterIds, List<String> urbanAreaIds, ImageView image, int revision,
                             Instant publishedAt, Instant correctedAt, String url) {
}
