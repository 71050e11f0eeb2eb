package org.giaoban.news.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.giaoban.news.article.Article;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.reading.ArticleFilter;
import org.giaoban.news.reading.ArticleSummary;
import org.giaoban.news.reading.ArticleView;
import org.giaoban.news.reading.ImageView;
import org.giaoban.news.reading.Page;
import org.giaoban.platform.time.Today;

/**
 * The public pages in Vietnamese, readable on a phone: the list with its search box and the article page. Every text
 * goes through {@link Markup}, which escapes it.
 */
final class NewsPages {

    static final String SITE = "Tin tức Giao Ban";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(Today.VIETNAM);

    private NewsPages() {
    }

    /** The list: a search box, the articles (newest first, or best matches first), paging. */
    static String list(ArticleFilter filter, Page<ArticleSummary> page) {
        String heading = filter.q() != null ? "Kết quả tìm kiếm" : filter.category() != null ? filter.category()
                : filter.tag() != null ? "Từ khoá: " + filter.tag() : "Tin tức";
        Markup count = filter.q() != null
                ? Markup.of("<p class=\"meta\">{{total}} bài viết cho “{{q}}”</p>", "total", page.total(), "q", filter.q())
                : Markup.of("<p class=\"meta\">{{total}} bài viết</p>", "total", page.total());
        Markup items = page.items().isEmpty()
                ? Markup.of("<p class=\"empty\">Không tìm thấy bài viết nào.</p>")
                : Markup.of("<ul class=\"articles\">{{items}}</ul>", "items", Markup.join(page.items().stream().map(a -> item(a, 2)).toList()));
        long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
        Markup previous = page.page() > 0
                ? Markup.of("<a rel=\"prev\" href=\"{{href}}\">« Trang trước</a>", "href", listHref(filter, page.page() - 1, page.size()))
                : Markup.of("<span></span>");
        Markup next = page.hasNext()
                ? Markup.of("<a rel=\"next\" href=\"{{href}}\">Trang sau »</a>", "href", listHref(filter, page.page() + 1, page.size()))
                : Markup.of("<span></span>");
        Markup body = Markup.of("""
                        <h1>{{heading}}</h1>
                        <form class="search" role="search" action="/news" method="get">
                          <label for="q" hidden>Tìm kiếm</label>
                          <input id="q" type="search" name="q" value="{{q}}" placeholder="Tìm bài viết, ví dụ: giao ban Tây Bắc" maxlength="200">
                          <button type="submit">Tìm</button>
                        </form>
                        {{count}}
                        {{items}}
                        <nav class="pager" aria-label="Phân trang">{{previous}}<span>Trang {{number}} / {{pages}}</span>{{next}}</nav>
                        """,
                "heading", heading, "q", filter.q(), "count", count, "items", items, "previous", previous,
                "number", page.page() + 1, "pages", pages, "next", next);
        return document(heading + " — " + SITE, "Tin tức các cụm đô thị và hội nghị giao ban", null, null, body);
    }

    /** The article page. {@code pageUrl}: its absolute address, for the share links. */
    static String article(ArticleView article, String pageUrl) {
        Markup category = Markup.of("<p class=\"meta\"><a href=\"{{href}}\">{{category}}</a></p>",
                "href", "/news?category=" + query(article.category()), "category", article.category());
        Markup when = article.correctedAt() != null
                ? Markup.of("<p class=\"meta\"><time datetime=\"{{iso}}\">{{published}}</time> · Cập nhật <time datetime=\"{{isoCorrected}}\">{{corrected}}</time></p>",
                        "iso", article.publishedAt().toString(), "published", WHEN.format(article.publishedAt()),
                        "isoCorrected", article.correctedAt().toString(), "corrected", WHEN.format(article.correctedAt()))
                : Markup.of("<p class=\"meta\"><time datetime=\"{{iso}}\">{{published}}</time></p>",
                        "iso", article.publishedAt().toString(), "published", WHEN.format(article.publishedAt()));
        Markup summary = article.summary() == null ? Markup.EMPTY
                : Markup.of("<p class=\"summary\">{{summary}}</p>", "summary", article.summary());
        Markup correction = article.correctedAt() == null || article.correctionNote() == null ? Markup.EMPTY
                : Markup.of("<aside class=\"correction\"><strong>Đính chính</strong> ({{when}}): {{note}}{{revisions}}</aside>",
                        "when", WHEN.format(article.correctedAt()), "note", article.correctionNote(),
                        "revisions", revisions(article));
        Markup tags = article.tags().isEmpty() ? Markup.EMPTY
                : Markup.of("<p class=\"tags\">Từ khoá: {{tags}}</p>", "tags", Markup.join(article.tags().stream()
                        .map(tag -> Markup.of("<a href=\"{{href}}\">{{tag}}</a>", "href", "/news?tag=" + query(tag), "tag", tag))
                        .toList()));
        Markup about = article.clusters().isEmpty() && article.urbanAreas().isEmpty() ? Markup.of("") : Markup.of(
                "<p class=\"tags\" id=\"about\">Về: {{clusters}} {{urbanAreas}}</p>",
                "clusters", Markup.join(article.clusters().stream().map(c -> Markup.of("<a href=\"{{href}}\">{{name}}</a>",
                        "href", "/news?clusterId=" + query(c.id()), "name", c.name())).toList()),
                "urbanAreas", Markup.join(article.urbanAreas().stream().map(u -> Markup.of("<a href=\"{{href}}\">{{name}}</a>",
                        "href", "/news?urbanAreaId=" + query(u.id()), "name", u.name())).toList()));
        Markup body = Markup.of("""
                        <article>
                          {{category}}
                          <h1 id="title">{{title}}</h1>
                          {{byline}}
                          {{when}}
                          {{summary}}
                          <div class="body">{{content}}</div>
                          {{correction}}
                          {{tags}}
                          {{about}}
                          {{share}}
                        </article>
                        {{interested}}
                        {{sameCategory}}
                        """,
                "category", category, "title", article.title(),
                "byline", article.byline() == null ? Markup.EMPTY
                        : Markup.of("<p class=\"byline\" id=\"byline\">{{byline}}</p>", "byline", article.byline()),
                "when", when, "summary", summary,
                "content", content(article.body(), article.bodyFormat(), article.images()), "correction", correction, "tags", tags, "about", about,
                "share", share(article.title(), pageUrl),
                "interested", related("you-may-be-interested", "Có thể bạn quan tâm", article.youMayBeInterested()),
                "sameCategory", related("same-category", "Tin cùng chuyên mục", article.sameCategory()));
        ImageView image = article.images().stream().filter(i -> safeUrl(i.url())).findFirst().orElse(null);
        return document(article.title() + " — " + SITE, article.summary(), pageUrl, image == null ? null : image.url(), body);
    }

    static String notFound() {
        Markup body = Markup.of("""
                <h1>Không tìm thấy bài viết</h1>
                <p>Bài viết không tồn tại hoặc đã được gỡ xuống.</p>
                <p><a href="/news">« Về trang tin tức</a></p>
                """);
        return document("Không tìm thấy bài viết — " + SITE, null, null, null, body);
    }

    private static String document(String title, String description, String canonical, String image, Markup main) {
        Markup meta = Markup.join(List.of(
                description == null ? Markup.EMPTY : Markup.of("<meta name=\"description\" content=\"{{d}}\">\n"
                        + "<meta property=\"og:description\" content=\"{{d}}\">", "d", description),
                canonical == null ? Markup.EMPTY : Markup.of("<link rel=\"canonical\" href=\"{{u}}\">\n"
                        + "<meta property=\"og:url\" content=\"{{u}}\">\n<meta property=\"og:type\" content=\"article\">", "u", canonical),
                image == null ? Markup.EMPTY : Markup.of("<meta property=\"og:image\" content=\"{{i}}\">", "i", image)));
        return Markup.of("""
                        <!DOCTYPE html>
                        <html lang="vi">
                        <head>
                        <meta charset="utf-8">
                        <meta name="viewport" content="width=device-width, initial-scale=1">
                        <title>{{title}}</title>
                        <meta property="og:title" content="{{title}}">
                        {{meta}}
                        <link rel="alternate" type="application/atom+xml" title="{{site}}" href="/api/news/feed.atom">
                        <link rel="stylesheet" href="/news/assets/news.css">
                        <script src="/news/assets/share.js" defer></script>
                        </head>
                        <body>
                        <header class="site"><a href="/news">{{site}}</a></header>
                        <main>
                        {{main}}
                        </main>
                        </body>
                        </html>
                        """,
                "title", title, "meta", meta, "site", SITE, "main", main).html();
    }

    /** A plain-text body with its pictures ({@link #content(String, BodyFormat, List)}). */
    static Markup content(String body, List<ImageView> images) {
        return content(body, BodyFormat.TEXT, images);
    }

    /**
     * The body's blocks — the paragraphs of a plain-text body (separated by line breaks), or the top-level blocks of an
     * HTML body sanitised once more — with the pictures among them, each with its caption: a picture with
     * {@code afterParagraph} after that many blocks (0: before the first; past the last: at the end), the others
     * spread evenly among the paragraphs in their order; pictures at one place in the article's order.
     */
    static Markup content(String body, BodyFormat format, List<ImageView> images) {
        List<Markup> blocks = format == BodyFormat.HTML ? Markup.richText(body)
                : Article.paragraphs(body).stream().map(p -> Markup.of("<p>{{text}}</p>", "text", p)).toList();
        List<ImageView> pictures = images.stream().filter(i -> safeUrl(i.url())).toList();
        int n = blocks.size();
        int spread = (int) pictures.stream().filter(i -> i.afterParagraph() == null).count();
        List<Integer> positions = new ArrayList<>();
        int k = 0;
        for (ImageView picture : pictures) {
            positions.add(picture.afterParagraph() != null ? Math.min(picture.afterParagraph(), n)
                    : n == 0 ? 0 : Math.min(n, Math.max(1, Math.round((++k) * (float) n / (spread + 1)))));
        }
        List<Markup> parts = new ArrayList<>();
        for (int p = 0; p <= n; p++) {
            if (p > 0) {
                parts.add(blocks.get(p - 1));
            }
            for (int i = 0; i < pictures.size(); i++) {
                if (positions.get(i) == p) {
                    parts.add(figure(pictures.get(i)));
                }
            }
        }
        return Markup.join(parts);
    }

    private static Markup figure(ImageView image) {
        return image.caption() == null
                ? Markup.of("<figure><img src=\"{{src}}\" alt=\"\" loading=\"lazy\"></figure>", "src", image.url())
                : Markup.of("<figure><img src=\"{{src}}\" alt=\"{{caption}}\" loading=\"lazy\"><figcaption>{{caption}}</figcaption></figure>",
                        "src", image.url(), "caption", image.caption());
    }

    private static Markup revisions(ArticleView article) {
        if (article.revisions().size() < 2) {
            return Markup.EMPTY;
        }
        return Markup.of("<br><span class=\"revisions\">Phiên bản {{current}}; các phiên bản trước: {{earlier}}</span>",
                "current", article.revision(),
                "earlier", String.join(", ", article.revisions().stream()
                        .filter(r -> r.revision() != article.revision())
                        .map(r -> r.revision() + " (" + WHEN.format(r.at()) + ")").toList()));
    }

    private static Markup share(String title, String pageUrl) {
        String url = query(pageUrl);
        return Markup.of("""
                        <section class="share" aria-label="Chia sẻ">
                          <span>Chia sẻ:</span>
                          <a class="share-facebook" href="{{facebook}}" target="_blank" rel="noopener">Facebook</a>
                          <a class="share-x" href="{{x}}" target="_blank" rel="noopener">X</a>
                          <a class="share-email" href="{{mail}}">Email</a>
                          <a class="share-link" href="{{url}}">Liên kết</a>
                          <button type="button" class="share-copy" data-url="{{url}}">Sao chép liên kết</button>
                        </section>
                        """,
                "facebook", "https://www.facebook.com/sharer/sharer.php?u=" + url,
                "x", "https://twitter.com/intent/tweet?url=" + url + "&text=" + query(title),
                "mail", "mailto:?subject=" + query(title) + "&body=" + url,
                "url", pageUrl);
    }

    private static Markup related(String id, String heading, List<ArticleSummary> articles) {
        Markup list = articles.isEmpty()
                ? Markup.of("<p class=\"empty\">Chưa có bài viết.</p>")
                : Markup.of("<ul class=\"articles\">{{items}}</ul>", "items", Markup.join(articles.stream().map(a -> item(a, 3)).toList()));
        return Markup.of("<section class=\"related\" id=\"{{id}}\"><h2>{{heading}}</h2>{{list}}</section>",
                "id", id, "heading", heading, "list", list);
    }

    /** An article in a list; its title a heading of {@code level} (2 in the list page, 3 under a related list's h2). */
    private static Markup item(ArticleSummary article, int level) {
        Markup image = article.image() == null || !safeUrl(article.image().url()) ? Markup.EMPTY
                : Markup.of("<img src=\"{{src}}\" alt=\"\" loading=\"lazy\">", "src", article.image().url());
        Markup summary = article.summary() == null ? Markup.EMPTY : Markup.of("<p>{{s}}</p>", "s", article.summary());
        return Markup.of("""
                        <li>{{image}}<div><h{{level}}><a href="{{href}}">{{title}}</a></h{{level}}><p class="meta">{{category}} · <time datetime="{{iso}}">{{when}}</time></p>{{summary}}</div></li>""",
                "image", image, "level", level, "href", article.url(), "title", article.title(), "category", article.category(),
                "iso", article.publishedAt().toString(), "when", WHEN.format(article.publishedAt()), "summary", summary);
    }

    private static String listHref(ArticleFilter filter, int page, int size) {
        Map<String, Function<ArticleFilter, String>> params = new LinkedHashMap<>();
        params.put("q", ArticleFilter::q);
        params.put("category", ArticleFilter::category);
        params.put("tag", ArticleFilter::tag);
        params.put("clusterId", ArticleFilter::clusterId);
        params.put("urbanAreaId", ArticleFilter::urbanAreaId);
        StringBuilder href = new StringBuilder("/news?page=").append(page);
        if (size != NewsPagesController.DEFAULT_SIZE) {
            href.append("&size=").append(size);
        }
        params.forEach((name, value) -> {
            String v = value.apply(filter);
            if (v != null) {
                href.append('&').append(name).append('=').append(query(v));
            }
        });
        return href.toString();
    }

    /** Percent-encoded for a query or a mailto: field (spaces as %20, which every mail program reads). */
    private static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Only references the write side accepts: http(s) URLs or paths of this site. */
    private static boolean safeUrl(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://") || (url.startsWith("/") && !url.startsWith("//")));
    }
}
