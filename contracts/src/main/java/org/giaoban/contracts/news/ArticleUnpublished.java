package org.giaoban.contracts.news;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A published article was taken down (gỡ bài); it may be published again later (see {@link ArticlePublished}).
 * {@code reason} is free text, null when not given.
 */
public record ArticleUnpublished(String articleId, String slug, String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return articleId;
    }
}
