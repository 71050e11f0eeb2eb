package org.giaoban.news.reading;

import org.giaoban.platform.text.VietnameseText;

/**
 * Which published articles to list. {@code category} and {@code tag} compare as names do (case, spacing and tone-mark
 * placement aside); {@code q} is a full-text search, with or without diacritics. Blank means "any".
 */
public record ArticleFilter(String category, String tag, String clusterId, String urbanAreaId, String q) {

    public static final ArticleFilter ALL = new ArticleFilter(null, null, null, null, null);

    public ArticleFilter {
        category = blankToNull(category);
        tag = blankToNull(tag);
        clusterId = blankToNull(clusterId);
        urbanAreaId = blankToNull(urbanAreaId);
        q = blankToNull(q);
    }

    private static String blankToNull(String value) {
        String clean = VietnameseText.clean(value);
        return clean == null || clean.isEmpty() ? null : clean;
    }
}
