package org.giaoban.news.reading;

/**
 * A picture of an article: a reference (an http(s) URL, or a path of this site such as {@code /news/images/{id}}),
 * its caption if any, and where it stands: after {@code afterParagraph} top-level blocks of the body (0: before the
 * first), or, when null, spread among the paragraphs.
 */
public record ImageView(String url, String caption, Integer afterParagraph) {

    public ImageView(String url, String caption) {
        this(url, caption, null);
    }
}
