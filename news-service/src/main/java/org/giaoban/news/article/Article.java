package org.giaoban.news.article;

import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An article through its editorial workflow (API.md): DRAFT → IN_REVIEW → PUBLISHED ⇄ UNPUBLISHED, with corrections. */
@Aggregate
public class Article {

    @AggregateIdentifier
    private String streamId;

    protected Article() {
        // for Axon
    }

    public static String streamId(String articleId) {
        return "article:" + articleId;
    }
}
