package org.giaoban.news.article;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ChecklistTicked;
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
    static final int MAX_BODY = 100_000;
    static final int MAX_BYLINE = 200;
    /** The furthest an image can be placed: after this many blocks (no body the editors write has more). */
    static final int MAX_AFTER_PARAGRAPH = 1000;
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @AggregateIdentifier
    private String streamId;
    private String articleId;
    private String slug;
    private Source source;
    private ArticleContent content;
    private ArticleState state;
    private int revision;
    private List<ChecklistItem> checklist = List.of();
    private List<ChecklistItem> checklistDone = List.of();

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
        List<ChecklistItem> checklist = command.checklist() == null ? List.of()
                : command.checklist().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (!checklist.isEmpty() && !Source.ROUND_OUTCOME.equals(source.kind())) {
            throw DomainException.invalid("checklist-not-allowed",
                    "Only a draft the system writes from a concluded round carries a checklist.");
        }
        if (articleId != null) {
            // The system writes one draft per round, whatever is redelivered; editors may have changed it since.
            if (Source.ROUND_OUTCOME.equals(source.kind()) || requested.equals(content)) {
                return Outcome.UNCHANGED;
            }
            throw DomainException.conflict("article-exists", "Article " + command.articleId() + " exists already.");
        }
        String slug = slugs.reserve(VietnameseText.slug(requested.title()), command.articleId());
        apply(new DraftCreated(command.articleId(), slug, requested, source, checklist));
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
        List<ChecklistItem> done = command.checklistDone() == null ? checklistDone : ticked(command.checklistDone());
        if (requested.equals(content) && done.equals(checklistDone)) {
            return Outcome.UNCHANGED;
        }
        if (!requested.equals(content)) {
            apply(new DraftEdited(articleId, requested));
        }
        if (!done.equals(checklistDone)) {
            apply(new ChecklistTicked(articleId, done));
        }
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
        checklist = event.checklist();
    }

    @EventSourcingHandler
    void on(ChecklistTicked event) {
        checklistDone = List.copyOf(event.done());
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

    /** The items done, in the checklist's order, each once; only items of this draft's checklist. */
    private List<ChecklistItem> ticked(List<ChecklistItem> items) {
        Set<ChecklistItem> done = EnumSet.noneOf(ChecklistItem.class);
        for (ChecklistItem item : items) {
            if (item == null || !checklist.contains(item)) {
                throw DomainException.invalid("not-on-checklist", "checklistDone", checklist.isEmpty()
                        ? "This article has no checklist: only drafts written from a concluded round have one."
                        : "checklistDone names only items of the draft's checklist: " + checklist + ".");
            }
            done.add(item);
        }
        return List.copyOf(done);
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
        BodyFormat format = c.bodyFormat() == null ? BodyFormat.TEXT : c.bodyFormat();
        String body = format == BodyFormat.HTML ? htmlBody(c.body()) : body(c.body());
        int blocks = format == BodyFormat.HTML ? RichText.blocks(body).size() : paragraphs(body).size();
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
            Integer after = image.afterParagraph();
            if (after != null && (after < 0 || after > Math.min(blocks, MAX_AFTER_PARAGRAPH))) {
                throw DomainException.invalid("invalid-image-placement", "images[" + images.size() + "].afterParagraph",
                        "An image stands after 0 to " + blocks + " paragraphs of this body: " + after + " is not among them.");
            }
            images.add(new Image(url, optional(image.caption(), 500), after));
        }
        return new ArticleContent(required(c.title(), "title", MAX_TITLE), required(c.summary(), "summary", 1000),
                body, required(c.category(), "category", 100),
                texts(c.tags(), "tag", 50), ids(c.clusterIds(), "clusterIds"), ids(c.urbanAreaIds(), "urbanAreaIds"),
                List.copyOf(images), format, optional(c.byline(), MAX_BYLINE));
    }

    /** An HTML body as it is recorded: NFC, sanitised ({@link RichText}); refused when no text is left. */
    static String htmlBody(String html) {
        String body = RichText.sanitise(VietnameseText.nfc(html));
        if (RichText.text(body).isBlank()) {
            throw DomainException.invalid("blank-body", "body must not be blank (an HTML body needs text in a paragraph).");
        }
        if (body.length() > MAX_BODY) {
            throw DomainException.invalid("too-long", "body is longer than " + MAX_BODY + " characters once sanitised.");
        }
        return body;
    }

    /** The paragraphs of a plain-text body as recorded: separated by line breaks. */
    public static List<String> paragraphs(String textBody) {
        return java.util.Arrays.stream(textBody.split("\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
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
        if (body.length() > MAX_BODY) {
            throw DomainException.invalid("too-long", "body is longer than " + MAX_BODY + " characters.");
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
