package org.giaoban.news.pages;

import java.nio.charset.StandardCharsets;

import org.giaoban.news.reading.ArticleFilter;
import org.giaoban.news.reading.PublishedNews;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public pages, server-rendered HTML in Vietnamese: {@code GET /news} (list, search box, paging) and
 * {@code GET /news/{slug}} (the article page; a 404 page for an unknown or unpublished slug). Paging parameters out of
 * range are brought into range rather than refused: a reader gets a page, not an error document.
 */
@Controller
public class NewsPagesController {

    static final int DEFAULT_SIZE = 10;
    private static final int MAX_SIZE = 50;
    private static final int MAX_PAGE = 10_000;
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final PublishedNews news;

    public NewsPagesController(PublishedNews news) {
        this.news = news;
    }

    @GetMapping("/news")
    public ResponseEntity<String> list(@RequestParam(required = false) String q,
                                       @RequestParam(required = false) String category,
                                       @RequestParam(required = false) String tag,
                                       @RequestParam(required = false) String clusterId,
                                       @RequestParam(required = false) String urbanAreaId,
                                       @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String size) {
        ArticleFilter filter = new ArticleFilter(cut(category, 100), cut(tag, 50), cut(clusterId, 64), cut(urbanAreaId, 64),
                cut(q, 200));
        int pageSize = number(size, DEFAULT_SIZE, 1, MAX_SIZE);
        return html(HttpStatus.OK, NewsPages.list(filter, news.list(filter, number(page, 0, 0, MAX_PAGE), pageSize)));
    }

    @GetMapping("/news/{slug}")
    public ResponseEntity<String> article(@PathVariable String slug) {
        String pageUrl = ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).build().toUriString();
        return news.article(slug)
                .map(article -> html(HttpStatus.OK, NewsPages.article(article, pageUrl)))
                .orElseGet(() -> html(HttpStatus.NOT_FOUND, NewsPages.notFound()));
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).body(page);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static int number(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.strip())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
