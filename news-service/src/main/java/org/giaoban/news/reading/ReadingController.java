package org.giaoban.news.reading;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.giaoban.platform.problem.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public reading of published news: no token needed (API.md), nothing here changes anything. */
@RestController
@RequestMapping("/api/news")
public class ReadingController {

    private final PublishedNews news;

    public ReadingController(PublishedNews news) {
        this.news = news;
    }

    /**
     * Published articles, newest first; by relevance when {@code q} is given. {@code q} matches with or without
     * diacritics and with either tone-mark placement; {@code category} and {@code tag} are names as written on the
     * articles, {@code clusterId} and {@code urbanAreaId} ids such as {@code tay-bac} and {@code sa-pa}.
     */
    @GetMapping("/articles")
    public Page<ArticleSummary> list(@RequestParam(required = false) @Size(max = 100) String category,
                                     @RequestParam(required = false) @Size(max = 50) String tag,
                                     @RequestParam(required = false) @Size(max = 64) String clusterId,
                                     @RequestParam(required = false) @Size(max = 64) String urbanAreaId,
                                     @RequestParam(required = false) @Size(max = 200) String q,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return news.list(new ArticleFilter(category, tag, clusterId, urbanAreaId, q), page, size);
    }

    /**
     * One published article with {@code sameCategory} (Tin cùng chuyên mục) and {@code youMayBeInterested} (Có thể
     * bạn quan tâm), at most {@value PublishedNews#RELATED} each, never the article itself; and its {@code revisions}.
     */
    @GetMapping("/articles/{slug}")
    public ArticleView article(@PathVariable @Size(max = 200) String slug) {
        return news.article(slug).orElseThrow(() -> unknownArticle(slug));
    }

    public static DomainException unknownArticle(String slug) {
        return DomainException.notFound("unknown-article", "No published article has the slug " + slug + ".");
    }
}
