package org.giaoban.news.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.validation.constraints.Size;
import org.giaoban.news.reading.ArticleFilter;
import org.giaoban.news.reading.ArticleSummary;
import org.giaoban.news.reading.PublishedNews;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Atom 1.0 feed of published articles (newest first), built with ROME; each entry links to the article's public
 * page {@code /news/{slug}}. Entry ids are tag URIs of the slug, which never changes.
 */
@RestController
@RequestMapping("/api/news")
public class FeedController {

    public static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    static final int ENTRIES = 50;
    private static final String TAG = "tag:giaoban.org,2023:news/";

    private final PublishedNews news;

    public FeedController(PublishedNews news) {
        this.news = news;
    }

    @GetMapping("/feed.atom")
    public ResponseEntity<byte[]> feed(@RequestParam(required = false) @Size(max = 100) String category,
                                       @RequestParam(required = false) @Size(max = 64) String clusterId) throws FeedException {
        ArticleFilter filter = new ArticleFilter(category, null, clusterId, null, null);
        List<ArticleSummary> articles = news.list(filter, 0, ENTRIES).items();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();

        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setEncoding("UTF-8");
        feed.setLanguage("vi");
        feed.setTitle("Tin tức Giao Ban" + (filter.category() == null ? "" : " — " + filter.category()));
        feed.setDescription("Tin tức các cụm đô thị và hội nghị giao ban");
        String self = UriComponentsBuilder.fromUriString(base + "/api/news/feed.atom")
                .queryParamIfPresent("category", Optional.ofNullable(filter.category()))
                .queryParamIfPresent("clusterId", Optional.ofNullable(filter.clusterId()))
                .encode().build().toUriString();
        feed.setUri(TAG + "feed" + (filter.category() == null ? "" : "/category/" + VietnameseText.slug(filter.category()))
                + (filter.clusterId() == null ? "" : "/cluster/" + VietnameseText.slug(filter.clusterId())));
        feed.setLinks(List.of(link("self", self, "application/atom+xml"), link("alternate", base + "/news", "text/html")));
        SyndPerson author = new SyndPersonImpl();
        author.setName("Giao Ban");
        feed.setAuthors(List.of(author));
        feed.setPublishedDate(Date.from(articles.stream().map(FeedController::updated).max(Instant::compareTo)
                .orElse(Instant.EPOCH)));

        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleSummary article : articles) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri(TAG + article.slug());
            entry.setTitle(article.title());
            entry.setAuthors(List.of(author));
            entry.setLink(base + PublishedNews.url(article.slug()));
            entry.setPublishedDate(Date.from(article.publishedAt()));
            entry.setUpdatedDate(Date.from(updated(article)));
            if (article.summary() != null) {
                SyndContent summary = new SyndContentImpl();
                summary.setType("text");
                summary.setValue(article.summary());
                entry.setDescription(summary);
            }
            List<SyndCategory> categories = new ArrayList<>();
            categories.add(category(article.category()));
            article.tags().forEach(tag -> categories.add(category(tag)));
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);

        byte[] xml = new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(ATOM).body(xml);
    }

    private static Instant updated(ArticleSummary article) {
        return article.correctedAt() != null && article.correctedAt().isAfter(article.publishedAt())
                ? article.correctedAt() : article.publishedAt();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        return category;
    }
}
