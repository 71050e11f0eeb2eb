package org.giaoban.news.article;

import java.util.List;

/**
 * What an article says and where it belongs: its chuyên mục ({@code category}), tags, and the clusters and urban areas
 * it is about. Images are references with captions; the service stores no binaries.
 */
public record ArticleContent(String title, String summary, String body, String category, List<String> tags,
                             List<String> clusterIds, List<String> urbanAreaIds, List<Image> images) {

    public record Image(String url, String caption) {
    }
}
