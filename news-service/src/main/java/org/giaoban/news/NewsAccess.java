package org.giaoban.news;

import org.giaoban.platform.security.Access;
import org.giaoban.platform.security.AccessRules;
import org.giaoban.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * API.md's "who" for news. Anyone, without a token, reads what is published: the list and one article, the Atom feed,
 * the HTML pages and the uploaded pictures ({@code /news/images/{imageId}}). Only an editor writes an article (every
 * write under {@code /articles}), uploads a picture ({@code POST /api/news/images}) or sees the drafts;
 * operators, coordinators, delegates and analysts get 403, callers without a token 401. A token that is presented is
 * checked everywhere, public reads included: a bad one is 401 before these rules are asked.
 */
@Configuration(proxyBeanMethods = false)
class NewsAccess {

    @Bean
    AccessRules newsRules() {
        return routes -> routes
                .requestMatchers(HttpMethod.GET, "/api/news/articles", "/api/news/articles/{slug}", "/api/news/feed.atom",
                        "/news", "/news/{slug}", "/news/assets/*", "/news/images/{imageId}").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/news/images").access(Access.anyOf(Role.EDITOR))
                .requestMatchers("/api/news/articles", "/api/news/articles/**").access(Access.anyOf(Role.EDITOR))
                .requestMatchers("/api/news/drafts", "/api/news/drafts/**").access(Access.anyOf(Role.EDITOR));
    }
}
