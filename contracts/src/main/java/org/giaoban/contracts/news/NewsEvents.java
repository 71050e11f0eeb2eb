package org.giaoban.contracts.news;

import java.util.LinkedHashMap;
import java.util.Map;

import org.giaoban.contracts.EventCatalog;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.Topics;

/** What the news service publishes on {@value Topics#NEWS}, keyed by article id. */
public final class NewsEvents {

    public static final EventCatalog CATALOG = catalog();

    private NewsEvents() {
    }

    private static EventCatalog catalog() {
        Map<Class<? extends IntegrationEvent>, Integer> versions = new LinkedHashMap<>();
        versions.put(ArticlePublished.class, 1);
        versions.put(ArticleCorrected.class, 1);
        versions.put(ArticleUnpublished.class, 1);
        return EventCatalog.of(Topics.NEWS, "/giaoban/news-service", "org.giaoban.news", versions);
    }
}
