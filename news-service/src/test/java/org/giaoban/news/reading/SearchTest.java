package org.giaoban.news.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code q}: full-text search on PostgreSQL's index, with or without diacritics and with either tone-mark placement
 * (DOMAIN.md, "Vietnamese text"), best matches first.
 */
class SearchTest extends ReadingTestBase {

    @Autowired
    DataSource dataSource;

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"giao ban tay bac", "Hoà Bình", "Hòa Bình", "hoa binh", "HOÀ BÌNH", "Tây Bắc", "thi xa sa pa",
            "đô thị", "do thi", "xanh sach dep"})
    void findsTheArticleWithOrWithoutDiacriticsAndEitherTonePlacement(String q) {
        String u = unique();
        Published article = publish(content("Giao ban cụm các đô thị vùng Tây Bắc năm 2023 " + u,
                "Sáng 24/9, tại thị xã Sa Pa, hội nghị giao ban cụm các đô thị vùng Tây Bắc năm 2023.",
                "11 đô thị thành viên gồm: Thành phố Hoà Bình (tỉnh Hoà Bình), thành phố Hà Giang. "
                        + "Phong trào thi đua đô thị Xanh - Sạch - Đẹp.", "Thời sự", List.of(), List.of(), List.of(), List.of()));
        publish(content("Một bài khác " + u, null, "Không nói gì về nơi ấy.", "Thời sự", List.of(), List.of(), List.of(), List.of()));

        assertThat(search(q + " " + u)).containsExactly(article.slug());
        // The same query in decomposed form (NFD), as some keyboards send it.
        assertThat(search(Normalizer.normalize(q, Normalizer.Form.NFD) + " " + u)).containsExactly(article.slug());
    }

    @Test
    void everyWordMustOccur() {
        String u = unique();
        publish(content("Hội nghị ở Lai Châu " + u, "Nội dung.", "Thời sự"));

        assertThat(search("lai chau " + u)).hasSize(1);
        assertThat(search("lai chau dien bien " + u)).isEmpty();
        assertThat(search(u + " !!! ...")).hasSize(1);
    }

    @Test
    void ranksTitleMatchesAboveBodyMatches() {
        String u = unique();
        Published inTitle = publish(content("Quy hoạch Mường Lay " + u, "Bài viết về một đô thị khác.", "Thời sự"));
        Published inBody = publish(content("Tin ngắn " + u, "Bài này chỉ nhắc tới quy hoạch Mường Lay trong nội dung.", "Thời sự"));
        Published inSummary = publish(content("Tin vắn " + u, "Tóm tắt về quy hoạch Muong Lay.", "Bài này không nhắc lại.",
                "Thời sự", List.of(), List.of(), List.of(), List.of()));

        // Newest first without q; by relevance with it, although the body-only article is newer.
        assertThat(slugs("/api/news/articles?q=" + u)).containsExactly(inSummary.slug(), inBody.slug(), inTitle.slug());
        assertThat(search("quy hoach muong lay " + u)).containsExactly(inTitle.slug(), inSummary.slug(), inBody.slug());
    }

    @Test
    void searchesTagsToo() {
        String u = unique();
        Published tagged = publish(content("Một tin " + u, null, "Nội dung.", "Thời sự", List.of("Điện Biên Phủ"), List.of(),
                List.of(), List.of()));

        assertThat(search("dien bien phu " + u)).containsExactly(tagged.slug());
    }

    @Test
    void theSearchUsesTheFullTextIndexNotAScan() throws Exception {
        List<String> plan = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // With a handful of rows the planner would rightly scan; forbid that to see that the index answers the match.
            statement.execute("SET enable_seqscan = off");
            try (ResultSet rows = statement.executeQuery("""
                    EXPLAIN SELECT a.slug FROM published_article a, plainto_tsquery('simple', news_fold('Hòa Bình')) query
                    WHERE a.search @@ query ORDER BY ts_rank(a.search, query) DESC""")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            } finally {
                statement.execute("RESET enable_seqscan");
            }
        }
        assertThat(String.join("\n", plan)).contains("Bitmap Index Scan on published_article_search");
    }

    @Test
    void bothTonePlacementsIndexAsTheSameWords() {
        String folded = jdbc.sql("SELECT news_fold('Thành phố Hoà Bình, thuỷ lợi, Đắk Lắk') || ' / ' || news_fold('Thành phố Hòa Bình, thủy lợi, ĐẮK LẮK')")
                .query(String.class).single();

        assertThat(folded).isEqualTo("thanh pho hoa binh, thuy loi, dak lak / thanh pho hoa binh, thuy loi, dak lak");
    }

    private List<String> search(String q) {
        return slugs("/api/news/articles?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
    }

    private List<String> slugs(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").findValuesAsText("slug");
    }
}
