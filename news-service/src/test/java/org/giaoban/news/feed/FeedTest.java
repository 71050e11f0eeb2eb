package org.giaoban.news.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import org.giaoban.news.reading.ReadingTestBase;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/** GET /api/news/feed.atom: a valid Atom 1.0 document of published articles, read back with ROME. */
class FeedTest extends ReadingTestBase {

    @Test
    void isAnAtomFeedOfPublishedArticlesLinkingToTheirPages() throws Exception {
        String u = unique();
        Published older = publish(content("Hội nghị giao ban Tây Bắc " + u, "Sáng 24/9, tại thị xã Sa Pa.", "Nội dung.",
                "Thời sự", List.of("Thi đua"), List.of("cum-" + u), List.of(), List.of()));
        Published newer = publish(content("Lai Châu đăng cai năm 2024 " + u, null, "Nội dung.", "Sự kiện", List.of(),
                List.of("cum-" + u), List.of(), List.of()));
        Published elsewhere = publish(content("Tin cụm khác " + u, null, "Nội dung.", "Thời sự", List.of(),
                List.of("cum-khac-" + u), List.of(), List.of()));

        Http.Response response = http.get("/api/news/feed.atom?clusterId=cum-" + u);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/atom+xml").containsIgnoringCase("charset=UTF-8");
        byte[] xml = bytes("/api/news/feed.atom?clusterId=cum-" + u);
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Files.createDirectories(Path.of("target", "feed"));
        Files.write(Path.of("target", "feed", "feed.atom"), xml);

        // As a feed reader sees it: the wire format is Atom 1.0 ...
        Feed atom = (Feed) new WireFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
        assertThat(atom.getId()).isNotBlank();
        assertThat(atom.getUpdated()).isNotNull();
        assertThat(atom.getOtherLinks().stream().map(Link::getRel).toList()).contains("self");
        for (Entry entry : atom.getEntries()) {
            assertThat(entry.getId()).startsWith("tag:giaoban.org,");
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getAuthors()).isNotEmpty().allSatisfy(author -> assertThat(author.getName()).isNotBlank());
        }

        // ... with the articles of the cluster, newest first, each linking to its public page.
        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        assertThat(feed.getEntries()).extracting(SyndEntry::getTitle)
                .containsExactly("Lai Châu đăng cai năm 2024 " + u, "Hội nghị giao ban Tây Bắc " + u);
        SyndEntry first = feed.getEntries().get(0);
        assertThat(first.getLink()).isEqualTo("http://localhost:" + port + "/news/" + newer.slug());
        SyndEntry second = feed.getEntries().get(1);
        assertThat(second.getLink()).isEqualTo("http://localhost:" + port + "/news/" + older.slug());
        assertThat(second.getDescription().getValue()).isEqualTo("Sáng 24/9, tại thị xã Sa Pa.");
        assertThat(second.getCategories()).extracting(SyndCategory::getName).containsExactly("Thời sự", "Thi đua");
        assertThat(feed.getEntries()).extracting(SyndEntry::getLink).doesNotContain("http://localhost:" + port + "/news/" + elsewhere.slug());
        assertThat(http.get("/news/" + newer.slug()).status()).isEqualTo(200);

        // Filtered by category too.
        SyndFeed events = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(
                bytes("/api/news/feed.atom?clusterId=cum-" + u + "&category=" + URLEncoder.encode("Sự kiện", StandardCharsets.UTF_8)))));
        assertThat(events.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Lai Châu đăng cai năm 2024 " + u);
        assertThat(events.getTitle()).contains("Sự kiện");
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        byte[] xml = bytes("/api/news/feed.atom?clusterId=khong-co-" + unique());

        SyndFeed feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getEntries()).isEmpty();
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(http.uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
