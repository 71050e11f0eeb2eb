package org.giaoban.news.article;

/** Keeps article slugs unique across articles: the one set-wide rule an article cannot check by itself. */
public interface SlugRegistry {

    /**
     * Reserves {@code base} for the article, or {@code base-2}, {@code base-3}, ... if taken by another; an article
     * asking again gets the slug it already holds.
     */
    String reserve(String base, String articleId);
}
