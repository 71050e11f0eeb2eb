package org.giaoban.news.pages;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.giaoban.news.drafts.DraftsProjection;
import org.giaoban.news.drafts.DraftsProjection.Draft;
import org.giaoban.news.names.Names;
import org.giaoban.news.reading.ArticleView;
import org.giaoban.news.reading.ImageView;
import org.giaoban.news.reading.PublishedNews;
import org.giaoban.platform.problem.DomainException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * An editor's preview of an article that is not published: its page exactly as {@code GET /news/{slug}} will show it
 * once published (same HTML, same sanitising, same placement of pictures, same security headers), its time the
 * draft's last change and its related lists empty (they are those of published articles).
 */
@RestController
@Validated
public class DraftPreviewController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final DraftsProjection drafts;
    private final Names names;

    public DraftPreviewController(DraftsProjection drafts, Names names) {
        this.drafts = drafts;
        this.names = names;
    }

    @GetMapping(path = "/api/news/drafts/{articleId}/preview", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> preview(@PathVariable @Size(max = 100) String articleId) {
        Draft draft = drafts.find(articleId).orElseThrow(() -> DomainException.notFound("unknown-draft",
                "No draft " + articleId + ": the id is unknown, or the article is published."));
        List<ImageView> images = draft.images().stream()
                .map(image -> new ImageView(image.url(), image.caption(), image.afterParagraph())).toList();
        ArticleView article = new ArticleView(draft.slug(), draft.title(), draft.summary(), draft.body(), draft.bodyFormat(),
                draft.byline(), draft.category(), draft.tags(), draft.clusterIds(), draft.urbanAreaIds(), images,
                Math.max(1, draft.revision()), draft.updatedAt(), draft.updatedAt(), null, PublishedNews.url(draft.slug()),
                List.of(), List.of(), List.of(), named(draft.clusterIds(), names.clusterNames(draft.clusterIds())),
                named(draft.urbanAreaIds(), names.urbanAreaNames(draft.urbanAreaIds())));
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path(PublishedNews.url(draft.slug()))
                .build().toUriString();
        return ResponseEntity.ok().contentType(HTML)
                .header("Content-Security-Policy", NewsPageHeaders.CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", NewsPageHeaders.REFERRER_POLICY)
                .header("Permissions-Policy", NewsPageHeaders.PERMISSIONS_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .body(NewsPages.article(article, pageUrl));
    }

    private static List<ArticleView.Named> named(List<String> ids, Map<String, String> known) {
        return ids.stream().map(id -> new ArticleView.Named(id, known.getOrDefault(id, id))).toList();
    }
}
