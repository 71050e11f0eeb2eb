package org.giaoban.news.publishing;

import java.util.Optional;

import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.news.ArticleCorrected;
import org.giaoban.contracts.news.ArticlePublished;
import org.giaoban.contracts.news.ArticleUnpublished;
import org.giaoban.contracts.news.NewsEvents;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleMessages;
import org.giaoban.platform.outbox.OutboxRoute;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the public may know of articles, on {@code news.events.v1}: publications, corrections, unpublications. Drafts stay private. */
@Configuration
public class NewsPublishing {

    @Bean
    OutboxRoute newsOutbox() {
        return new OutboxRoute(NewsEvents.CATALOG, NewsPublishing::toIntegrationEvent);
    }

    static Optional<IntegrationEvent> toIntegrationEvent(Object domainEvent) {
        if (domainEvent instanceof ArticleMessages.ArticlePublished e) {
            ArticleContent c = e.content();
            return Optional.of(new ArticlePublished(e.articleId(), e.slug(), c.title(), c.summary(), c.category(), c.tags(),
                    c.clusterIds(), c.urbanAreaIds(), e.publishedAt(), e.source().kind(), e.source().roundId()));
        }
        if (domainEvent instanceof ArticleMessages.ArticleCorrected e) {
            ArticleContent c = e.content();
            return Optional.of(new ArticleCorrected(e.articleId(), e.slug(), e.revision(), c.title(), c.summary(), c.category(),
                    c.tags(), e.note()));
        }
        if (domainEvent instanceof ArticleMessages.ArticleUnpublished e) {
            return Optional.of(new ArticleUnpublished(e.articleId(), e.slug(), e.reason()));
        }
        return Optional.empty();
    }
}
