package org.giaoban.news.article;

import java.util.List;

/**
 * What an article says and where it belongs: its chuyên mục ({@code category}), tags, and the clusters and urban areas
 * it is about. {@code bodyFormat}: {@code TEXT} (paragraphs separated by line breaks) or {@code HTML} (a sanitised
 * subset, {@link RichText}); missing in what was recorded before HTML bodies existed, hence {@code TEXT}.
 * {@code byline}: who signs it (e.g. "Ban biên tập"), optional. Images are references (an http(s) URL, or a path of
 * this site such as {@code /news/images/{id}} for an uploaded picture) with captions.
 */
public record ArticleContent(String title, String summary, String body, String category, List<String> tags,
                             List<String> clusterIds, List<String> urbanAreaIds, List<Image> images, BodyFormat bodyFormat,
                             String byline) {

    public ArticleContent {
        bodyFormat = bodyFormat == null ? BodyFormat.TEXT : bodyFormat;
    }

    /** A plain-text article without byline, as every article was before rich text. */
    public ArticleContent(String title, String summary, String body, String category, List<String> tags,
                          List<String> clusterIds, List<String> urbanAreaIds, List<Image> images) {
        this(title, summary, body, category, tags, clusterIds, urbanAreaIds, images, BodyFormat.TEXT, null);
    }

    /**
     * {@code afterParagraph}: the picture stands after that many top-level blocks (paragraphs, headings, lists,
     * quotes) of the body, 0 before the first; null: spread among the paragraphs automatically.
     */
    public record Image(String url, String caption, Integer afterParagraph) {

        public Image(String url, String caption) {
            this(url, caption, null);
        }
    }

    public enum BodyFormat { TEXT, HTML }
}
