package org.giaoban.news.article;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ArticleState;
import org.giaoban.news.article.ArticleMessages.CorrectArticle;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.EditDraft;
import org.giaoban.news.article.ArticleMessages.PublishArticle;
import org.giaoban.news.article.ArticleMessages.ReturnArticle;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.ArticleMessages.SubmitArticle;
import org.giaoban.news.article.ArticleMessages.UnpublishArticle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an editor does to an article, over HTTP: write a draft, edit it, and move it through its workflow. The rules are
 * the article's own; an unknown article id answers 404 {@code unknown-article}. Drafts are read at
 * {@code /api/news/drafts}, published articles at {@code /api/news/articles}.
 */
@RestController
@RequestMapping("/api/news/articles")
public class ArticleController {

    /** Article ids: a UUID for an editor's article, {@code round-<roundId>} for the system's draft of a round. */
    static final String ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String ID_MESSAGE = "lower-case letters, digits and single hyphens";

    private final CommandGateway commands;
    private final JdbcSlugRegistry slugs;

    ArticleController(CommandGateway commands, JdbcSlugRegistry slugs) {
        this.commands = commands;
        this.slugs = slugs;
    }

    /**
     * A picture: an http(s) URL, or a path of this site such as {@code /news/images/{imageId}} (an uploaded picture);
     * {@code afterParagraph}: placed after that many top-level blocks of the body (0: before the first), or, when
     * left out, spread among the paragraphs.
     */
    public record ImageRequest(@NotBlank @Size(max = 1000) String url, @Size(max = 500) String caption,
                               @Min(0) @Max(Article.MAX_AFTER_PARAGRAPH) Integer afterParagraph) {
    }

    /**
     * The whole content of an article; sizes as the article checks them after NFC and trimming. {@code bodyFormat}:
     * {@code TEXT} (the default: paragraphs separated by line breaks) or {@code HTML} (p, h2, h3, strong, b, em, i, u,
     * a[href], ul, ol, li, blockquote, br; sanitised before it is recorded).
     */
    public record ContentRequest(
            @NotBlank @Size(max = Article.MAX_TITLE) String title,
            @Size(max = 1000) String summary,
            @NotBlank @Size(max = Article.MAX_BODY) String body,
            @Schema(description = "TEXT (default) or HTML") BodyFormat bodyFormat,
            @Size(max = Article.MAX_BYLINE) String byline,
            @NotBlank @Size(max = 100) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> clusterIds,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> urbanAreaIds,
            @Size(max = 20) List<@Valid @NotNull ImageRequest> images) {

        ArticleContent toContent() {
            return content(title, summary, body, bodyFormat, byline, category, tags, clusterIds, urbanAreaIds, images);
        }
    }

    /**
     * An edit of a draft: its whole content, and ({@code checklistDone}, optional) the items of its checklist that are
     * done; left out, the ticks stay as they were.
     */
    public record EditRequest(
            @NotBlank @Size(max = Article.MAX_TITLE) String title,
            @Size(max = 1000) String summary,
            @NotBlank @Size(max = Article.MAX_BODY) String body,
            @Schema(description = "TEXT (default) or HTML") BodyFormat bodyFormat,
            @Size(max = Article.MAX_BYLINE) String byline,
            @NotBlank @Size(max = 100) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> clusterIds,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> urbanAreaIds,
            @Size(max = 20) List<@Valid @NotNull ImageRequest> images,
            @Size(max = 10) List<@NotNull ChecklistItem> checklistDone) {

        ArticleContent toContent() {
            return content(title, summary, body, bodyFormat, byline, category, tags, clusterIds, urbanAreaIds, images);
        }
    }

    public record ReturnRequest(@Size(max = 2000) String note) {
    }

    public record UnpublicationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The whole corrected content, and what was corrected. */
    public record CorrectionRequest(
            @NotBlank @Size(max = Article.MAX_TITLE) String title,
            @Size(max = 1000) String summary,
            @NotBlank @Size(max = Article.MAX_BODY) String body,
            @Schema(description = "TEXT (default) or HTML") BodyFormat bodyFormat,
            @Size(max = Article.MAX_BYLINE) String byline,
            @NotBlank @Size(max = 100) String category,
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> clusterIds,
            @Size(max = 50) List<@NotBlank @Size(max = 64) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String> urbanAreaIds,
            @Size(max = 20) List<@Valid @NotNull ImageRequest> images,
            @NotBlank @Size(max = 2000) String note) {

        ArticleContent toContent() {
            return content(title, summary, body, bodyFormat, byline, category, tags, clusterIds, urbanAreaIds, images);
        }
    }

    /** A new draft: its id, the slug taken from its title (unique, kept for good). */
    public record Created(String articleId, String slug, Outcome outcome) {
    }

    public record Edited(String articleId, ArticleState state, Outcome outcome) {
    }

    /** The article's state after the move. */
    public record Moved(String articleId, ArticleState state) {
    }

    @PostMapping
    public ResponseEntity<Created> create(@Valid @RequestBody ContentRequest request) {
        String articleId = UUID.randomUUID().toString();
        Outcome outcome = commands.sendAndWait(new CreateDraft(articleId, request.toContent(), Source.editor()));
        String slug = slugs.slugOf(articleId).orElseThrow(() -> new IllegalStateException("No slug for " + articleId));
        return ResponseEntity.created(URI.create("/api/news/drafts/" + articleId)).body(new Created(articleId, slug, outcome));
    }

    @PutMapping("/{articleId}")
    public Edited edit(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId,
                       @Valid @RequestBody EditRequest request) {
        Outcome outcome = commands.sendAndWait(new EditDraft(articleId, request.toContent(), request.checklistDone()));
        return new Edited(articleId, ArticleState.DRAFT, outcome);
    }

    @PostMapping("/{articleId}/submission")
    public Moved submit(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId) {
        commands.sendAndWait(new SubmitArticle(articleId));
        return new Moved(articleId, ArticleState.IN_REVIEW);
    }

    /** Back to its author; the body, and its note, may be left out. */
    @PostMapping("/{articleId}/return")
    public Moved giveBack(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId,
                          @Valid @RequestBody(required = false) ReturnRequest request) {
        commands.sendAndWait(new ReturnArticle(articleId, request == null ? null : request.note()));
        return new Moved(articleId, ArticleState.DRAFT);
    }

    @PostMapping("/{articleId}/publication")
    public Moved publish(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId) {
        commands.sendAndWait(new PublishArticle(articleId));
        return new Moved(articleId, ArticleState.PUBLISHED);
    }

    @PostMapping("/{articleId}/unpublication")
    public Moved unpublish(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId,
                           @Valid @RequestBody UnpublicationRequest request) {
        commands.sendAndWait(new UnpublishArticle(articleId, request.reason()));
        return new Moved(articleId, ArticleState.UNPUBLISHED);
    }

    @PostMapping("/{articleId}/corrections")
    public Moved correct(@PathVariable @Size(max = 100) @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String articleId,
                         @Valid @RequestBody CorrectionRequest request) {
        commands.sendAndWait(new CorrectArticle(articleId, request.toContent(), request.note()));
        return new Moved(articleId, ArticleState.PUBLISHED);
    }

    private static ArticleContent content(String title, String summary, String body, BodyFormat bodyFormat, String byline,
                                          String category, List<String> tags, List<String> clusterIds,
                                          List<String> urbanAreaIds, List<ImageRequest> images) {
        return new ArticleContent(title, summary, body, category, tags, clusterIds, urbanAreaIds,
                images == null ? null : images.stream()
                        .map(image -> new Image(image.url(), image.caption(), image.afterParagraph())).toList(),
                bodyFormat, byline);
    }
}
