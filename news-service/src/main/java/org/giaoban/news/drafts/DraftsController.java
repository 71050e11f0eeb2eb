package org.giaoban.news.drafts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.giaoban.news.article.ArticleMessages.ArticleState;
import org.giaoban.news.drafts.DraftsProjection.Draft;
import org.giaoban.news.drafts.DraftsProjection.DraftSummary;
import org.giaoban.news.drafts.DraftsProjection.Page;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The editors' desk: articles not published, including the drafts the system wrote from round outcomes. */
@RestController
@RequestMapping("/api/news/drafts")
public class DraftsController {

    private final DraftsProjection drafts;

    public DraftsController(DraftsProjection drafts) {
        this.drafts = drafts;
    }

    /** Newest first; {@code state}: {@code DRAFT}, {@code IN_REVIEW} or {@code UNPUBLISHED} (default: all three). */
    @GetMapping
    public Page<DraftSummary> list(@RequestParam(required = false) ArticleState state,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (state == ArticleState.PUBLISHED) {
            throw DomainException.invalid("invalid-parameter",
                    "Published articles are not drafts: they are listed at /api/news/articles.");
        }
        return drafts.list(state, page, size);
    }

    @GetMapping("/{articleId}")
    public Draft get(@PathVariable @Size(max = 100) String articleId) {
        return drafts.find(articleId).orElseThrow(() -> DomainException.notFound("unknown-draft",
                "No draft " + articleId + ": the id is unknown, or the article is published."));
    }
}
