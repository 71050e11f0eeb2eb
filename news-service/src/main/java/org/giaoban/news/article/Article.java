package org.giaoban.news.article;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ArticleCorrected;
import org.giaoban.news.article.ArticleMessages.ArticlePublished;
import org.giaoban.news.article.ArticleMessages.ArticleReturned;
import org.giaoban.news.article.ArticleMessages.ArticleState;
import org.giaoban.news.article.ArticleMessages.ArticleSubmitted;
import org.giaoban.news.article.ArticleMessages.ArticleUnpublished;
import org.giaoban.news.article.ArticleMessages.CorrectArticle;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.news.article.ArticleMessages.DraftEdited;
import org.giaoban.news.article.ArticleMessages.EditDraft;
import org.giaoban.news.article.ArticleMessages.PublishArticle;
import org.giaoban.news.article.ArticleMessages.ReturnArticle;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.ArticleMessages.SubmitArticle;
import org.giaoban.news.article.ArticleMessages.UnpublishArticle;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.text.VietnameseText;

/**
 * An article through its editorial workflow (API.md): {@code DRAFT} → (submission) {@code IN_REVIEW} → (publication)
 * {@code PUBLISHED}; {@code IN_REVIEW} → (return) {@code DRAFT}; {@code PUBLISHED} → (unpublication)
 * {@code UNPUBLISHED} → (publication) {@code PUBLISHED}; {@code PUBLISHED} → (correction) {@code PUBLISHED} with a new
 * revision. No other moves. The slug is taken from the title once, unique, and never changes.
 */
@Aggregate
public class Article {

    static final int MAX_TITLE = 300;
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @AggregateIdentifier
    private String streamId;
    private String articleId;
    private String slug;
    private Source source;
    private ArticleContent content;
    private ArticleState state;
    private int revision;

    protected Article() {
        // for Axon
    }

    public static String streamId(String articleId) {
        return "article:" + articleId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(CreateDraft command, SlugRegistry slugs) {
        ArticleContent requested = valid(command.content());
        Source source = command.source() == null ? Source.editor() : command.source();
        if (articleId != null) {
            // The system writes one draft per round, whatever is redelivered; editors may have changed it since.
            if (Source.ROUND_OUTCOME.equals(source.kind()) || requested.equals(content)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict("article-exists", "Article " + command.articleId() + " exists already.");
        }
        String slug = slugs.reserve(VietnameseText.slug(requested.title()), command.articleId());
        apply(new DraftCreated(command.articleId(), slug, requested, source));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public Outcome handle(EditDraft command) {
        if (state == ArticleState.PUBLISHED || state == ArticleState.UNPUBLISHED) {
            throw DomainException.conflict("published-use-correction",
                    "A published article changes only by a correction, which keeps the earlier revision.");
        }
        require(ArticleState.DRAFT, "not-a-draft", "Only a draft is edited; return it from review first.");
        ArticleContent requested = valid(command.content());
        if (requested.equals(content)) {
            return Outcome.UNCHANGED;
        }
        apply(new DraftEdited(articleId, requested));
        return Outcome.RECORDED;
    }

    @CommandHandler
    public void handle(SubmitArticle command) {
        require(ArticleState.DRAFT, "not-a-draft", "Only a draft is submitted for review.");
        apply(new ArticleSubmitted(articleId));
    }

    @CommandHandler
    public void handle(ReturnArticle command) {
        require(ArticleState.IN_REVIEW, "not-in-review", "Only an article in review is returned to its author.");
        apply(new ArticleReturned(articleId, optional(command.note(), 2000)));
    }

    @CommandHandler
    public void handle(PublishArticle command) {
        if (state == ArticleState.PUBLISHED) {
            throw DomainException.conflict("already-published", "The article is published already.");
        }
        if (state != ArticleState.IN_REVIEW && state != ArticleState.UNPUBLISHED) {
            throw DomainException.conflict("not-in-review", "An article is published after review.");
        }
        apply(new ArticlePublished(articleId, slug, content, source, Math.max(1, revision), Instant.now()));
    }

    @CommandHandler
    public void handle(UnpublishArticle command) {
        require(ArticleState.PUBLISHED, "not-published", "Only a published article is unpublished.");
        apply(new ArticleUnpublished(articleId, slug, required(command.reason(), "reason", 2000)));
    }

    @CommandHandler
    public void handle(CorrectArticle command) {
        require(ArticleState.PUBLISHED, "not-published", "Only a published article is corrected.");
        ArticleContent corrected = valid(command.content());
        String note = required(command.note(), "note", 2000);
        apply(new ArticleCorrected(articleId, slug, revision + 1, corrected, note));
    }

    @EventSourcingHandler
    void on(DraftCreated event) {
        streamId = streamId(event.articleId());
        articleId = event.articleId();
        slug = event.slug();
        source = event.source();
        content = event.content();
        state = ArticleState.DRAFT;
    }

    @EventSourcingHandler
    void on(DraftEdited event) {
        content = event.content();
    }

    @EventSourcingHandler
    void on(ArticleSubmitted event) {
        state = ArticleState.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(ArticleReturned event) {
        state = ArticleState.DRAFT;
    }

    @EventSourcingHandler
    void on(ArticlePublished event) {
        state = ArticleState.PUBLISHED;
        revision = event.revision();
    }

    @EventSourcingHandler
    void on(ArticleUnpublished event) {
        state = ArticleState.UNPUBLISHED;
    }

    @EventSourcingHandler
    void on(ArticleCorrected event) {
        revision = event.revision();
        content = event.content();
    }

    private void require(ArticleState required, String code, String detail) {
        if (state != required) {
            throw DomainException.conflict(code, detail + " The article is " + state + ".");
        }
    }

    /** The content as it will be stored: NFC, trimmed, lists never null; or a refusal naming what is wrong. */
    static ArticleContent valid(ArticleContent c) {
        if (c == null) {
            throw DomainException.invalid("missing-content", "An article needs a title, a body and a category.");
        }
        List<Image> images = new ArrayList<>();
        for (Image image : list(c.images(), 20, "images")) {
            String url = image == null ? null : VietnameseText.clean(image.url());
            if (url == null || url.length() > 1000 || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/"))) {
                throw DomainException.invalid("invalid-image", "An image is a reference: an http(s) URL or a path.");
            }
            try {
                URI.create(url);
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("invalid-image", "Not a URL: " + url);
            }
            images.add(new Image(url, optional(image.caption(), 500)));
        }
        return new ArticleContent(required(c.title(), "title", MAX_TITLE), required(c.summary(), "summary", 1000),
                body(c.body()), required(c.category(), "category", 100),
                texts(c.tags(), "tag", 50), ids(c.clusterIds(), "clusterIds"), ids(c.urbanAreaIds(), "urbanAreaIds"),
                List.copyOf(images));
    }

    private static <T> List<T> list(List<T> values, int max, String field) {
        List<T> list = values == null ? List.of() : values;
        if (list.size() > max) {
            throw DomainException.invalid("too-many", "At most " + max + " " + field + ".");
        }
        return list;
    }

    private static List<String> texts(List<String> values, String field, int max) {
        return list(values, 20, field + "s").stream().map(v -> required(v, field, max)).distinct().toList();
    }

    private static List<String> ids(List<String> values, String field) {
        List<String> ids = list(values, 50, field).stream().distinct().toList();
        if (ids.stream().anyMatch(id -> id == null || id.length() > 64 || !ID.matcher(id).matches())) {
            throw DomainException.invalid("invalid-id", field + " are slugs such as tay-bac or sa-pa.");
        }
        return ids;
    }

    /** The body keeps its paragraphs (a blank line between two); within a paragraph, spacing is tidied like any text. */
    static String body(String text) {
        String nfc = VietnameseText.nfc(text);
        String body = nfc == null ? "" : String.join("\n\n", java.util.Arrays.stream(nfc.replace("\r\n", "\n").split("\n\\s*\n"))
                .map(VietnameseText::clean).filter(paragraph -> !paragraph.isEmpty()).toList());
        if (body.isEmpty()) {
            throw DomainException.invalid("blank-body", "body must not be blank.");
        }
        if (body.length() > 100_000) {
            throw DomainException.invalid("too-long", "body is longer than 100000 characters.");
        }
        return body;
    }

    private static String required(String text, String field, int max) {
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.isEmpty()) {
            throw DomainException.invalid("blank-" + field, field + " must not be blank.");
        }
        if (clean.length() > max) {
            throw DomainException.invalid("too-long", field + " is longer than " + max + " characters.");
        }
        return clean;
    }

    private static String optional(String text, int max) {
        String clean = VietnameseText.clean(text);
        if (clean == null || clean.isEmpty()) {
            return null;
        }
        if (clean.length() > max) {
            throw DomainException.invalid("too-long", "A text is longer than " + max + " characters.");
        }
        return clean;
    }
}
