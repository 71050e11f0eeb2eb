package org.giaoban.news.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * GET /api/news/articles/{slug}: one published article with its two related lists and its revisions; unpublished
 * articles disappear and come back when published again.
 */
class ArticleTest extends ReadingTestBase {

    @Test
    void showsTheArticleInFull() {
        String u = unique();
        Published article = publish(content("Giao ban cụm các đô thị vùng Tây Bắc " + u, "Sáng 24/9, tại thị xã Sa Pa.",
                "Dự hội nghị có lãnh đạo của 11 đô thị thành viên.", "Thời sự " + u, List.of("Tây Bắc", "Thi đua"),
                List.of("tay-bac"), List.of("sa-pa", "lai-chau"),
                List.of(new Image("https://example.org/quang-canh-2.jpg", "Quang cảnh hội nghị."),
                        new Image("/images/trao-co.jpg", null))));

        Http.Response response = http.get("/api/news/articles/" + article.slug());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode a = response.json();
        assertThat(a.path("slug").asText()).isEqualTo(article.slug()).startsWith("giao-ban-cum-cac-do-thi-vung-tay-bac-");
        assertThat(a.path("title").asText()).isEqualTo("Giao ban cụm các đô thị vùng Tây Bắc " + u);
        assertThat(a.path("summary").asText()).isEqualTo("Sáng 24/9, tại thị xã Sa Pa.");
        assertThat(a.path("body").asText()).isEqualTo("Dự hội nghị có lãnh đạo của 11 đô thị thành viên.");
        assertThat(a.path("category").asText()).isEqualTo("Thời sự " + u);
        assertThat(a.path("tags").toString()).isEqualTo("[\"Tây Bắc\",\"Thi đua\"]");
        assertThat(a.path("clusterIds").toString()).isEqualTo("[\"tay-bac\"]");
        assertThat(a.path("urbanAreaIds").toString()).isEqualTo("[\"sa-pa\",\"lai-chau\"]");
        assertThat(a.path("images")).hasSize(2);
        assertThat(a.path("images").get(0).path("url").asText()).isEqualTo("https://example.org/quang-canh-2.jpg");
        assertThat(a.path("images").get(0).path("caption").asText()).isEqualTo("Quang cảnh hội nghị.");
        assertThat(a.path("images").get(1).path("caption").isNull()).isTrue();
        assertThat(a.path("images").get(1).path("url").asText()).isEqualTo("/images/trao-co.jpg");
        assertThat(a.path("revision").asInt()).isEqualTo(1);
        assertThat(a.path("publishedAt").asText()).isNotBlank();
        assertThat(a.path("correctedAt").isNull()).isTrue();
        assertThat(a.path("url").asText()).isEqualTo("/news/" + article.slug());
        assertThat(a.path("revisions")).hasSize(1);
        assertThat(a.path("revisions").get(0).path("revision").asInt()).isEqualTo(1);
        assertThat(a.path("revisions").get(0).path("note").isNull()).isTrue();
        assertThat(a.path("sameCategory").isArray()).isTrue();
        assertThat(a.path("youMayBeInterested").isArray()).isTrue();
    }

    @Test
    void relatedListsNameOtherArticlesOnlyMostRelatedFirst() {
        String u = unique();
        String category = "Đô thị " + u;
        String tag = "Hoà Bình " + u;
        Published main = publish(content("Bài chính " + u, null, "Nội dung.", category, List.of(tag, "Khác " + u),
                List.of("cum-" + u), List.of("phuong-" + u), List.of()));
        // The same category, nothing shared: six of them, the list keeps the newest five.
        List<String> sameCategory = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            sameCategory.add(0, publish(content("Cùng chuyên mục " + i + " " + u, "Nội dung.", category)).slug());
        }
        // Sharing three things (the tag written with the other tone placement), two, one; then unrelated.
        Published three = publish(content("Chung ba " + u, null, "Nội dung.", "Khác " + u, List.of("Hòa Bình " + u),
                List.of("cum-" + u), List.of("phuong-" + u), List.of()));
        Published two = publish(content("Chung hai " + u, null, "Nội dung.", "Khác " + u, List.of(),
                List.of("cum-" + u), List.of("phuong-" + u), List.of()));
        Published oneOlder = publish(content("Chung một cũ " + u, null, "Nội dung.", "Khác " + u, List.of("khác " + u),
                List.of(), List.of(), List.of()));
        Published oneNewer = publish(content("Chung một mới " + u, null, "Nội dung.", "Khác " + u, List.of(),
                List.of("cum-" + u), List.of(), List.of()));
        Published sharingAndSameCategory = publish(content("Chung và cùng chuyên mục " + u, null, "Nội dung.", category,
                List.of(tag), List.of(), List.of(), List.of()));
        publish(content("Không liên quan " + u, null, "Nội dung.", "Khác " + u, List.of("Tây Nguyên " + u),
                List.of("tay-nguyen-" + u), List.of("pleiku-" + u), List.of()));
        Published lastOne = publish(content("Chung một nữa " + u, null, "Nội dung.", "Khác " + u, List.of(),
                List.of(), List.of("phuong-" + u), List.of()));

        JsonNode a = http.get("/api/news/articles/" + main.slug()).json();

        List<String> expectedSame = new ArrayList<>();
        expectedSame.add(sharingAndSameCategory.slug());
        expectedSame.addAll(sameCategory.subList(0, 4));
        assertThat(a.path("sameCategory").findValuesAsText("slug")).containsExactlyElementsOf(expectedSame);
        assertThat(a.path("youMayBeInterested").findValuesAsText("slug"))
                .containsExactly(three.slug(), two.slug(), lastOne.slug(), sharingAndSameCategory.slug(), oneNewer.slug())
                .doesNotContain(main.slug(), oneOlder.slug());
        assertThat(a.path("youMayBeInterested").get(0).path("title").asText()).isEqualTo("Chung ba " + u);

        // From another article's side, the main one is related, and it never names itself.
        JsonNode other = http.get("/api/news/articles/" + three.slug()).json();
        assertThat(other.path("youMayBeInterested").findValuesAsText("slug")).startsWith(main.slug())
                .doesNotContain(three.slug());
        assertThat(other.path("sameCategory").findValuesAsText("slug")).doesNotContain(three.slug());
    }

    @Test
    void anUnknownSlugIs404() {
        Http.Response response = http.get("/api/news/articles/khong-co-bai-nay-" + unique());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("unknown-article");
    }

    @Test
    void anUnpublishedArticleDisappearsAndComesBackWhenPublishedAgain() {
        String u = unique();
        Published gone = publish(content("Bài sẽ gỡ " + u, null, "Nội dung.", "Thời sự " + u, List.of(), List.of("cum-" + u),
                List.of(), List.of()));
        Published stays = publish(content("Bài ở lại " + u, null, "Nội dung.", "Thời sự " + u, List.of(), List.of("cum-" + u),
                List.of(), List.of()));

        unpublish(gone, "Sai thông tin, cần kiểm tra lại.");

        assertThat(http.get("/api/news/articles/" + gone.slug()).code()).isEqualTo("unknown-article");
        assertThat(slugs("/api/news/articles?q=" + u)).containsExactly(stays.slug());
        assertThat(slugs("/api/news/articles?clusterId=cum-" + u)).containsExactly(stays.slug());
        JsonNode staying = http.get("/api/news/articles/" + stays.slug()).json();
        assertThat(staying.path("sameCategory").findValuesAsText("slug")).isEmpty();
        assertThat(staying.path("youMayBeInterested").findValuesAsText("slug")).isEmpty();

        republish(gone);

        JsonNode back = http.get("/api/news/articles/" + gone.slug()).json();
        assertThat(back.path("title").asText()).isEqualTo("Bài sẽ gỡ " + u);
        assertThat(back.path("revisions")).hasSize(1);
        assertThat(slugs("/api/news/articles?q=" + u)).containsExactlyInAnyOrder(gone.slug(), stays.slug());
        // Published again: the newest publication.
        assertThat(slugs("/api/news/articles?clusterId=cum-" + u)).containsExactly(gone.slug(), stays.slug());
        assertThat(http.get("/api/news/articles/" + stays.slug()).json().path("sameCategory").findValuesAsText("slug"))
                .containsExactly(gone.slug());
    }

    @Test
    void aCorrectionShowsTheNewRevisionAndKeepsTheEarlierOne() {
        String u = unique();
        ArticleContent original = content("Hội nghị tại Sa Pa " + u, "Tóm tắt.", "Có 12 đô thị thành viên dự hội nghị, loimoi" + u,
                "Thời sự", List.of("Tây Bắc"), List.of("tay-bac"), List.of(), List.of());
        Published article = publish(original);
        ArticleContent corrected = content("Hội nghị tại thị xã Sa Pa " + u, "Tóm tắt.", "Có 11 đô thị thành viên dự hội nghị, sua" + u,
                "Thời sự", List.of("Tây Bắc"), List.of("tay-bac"), List.of(), List.of());

        correct(article, corrected, "Sửa số đô thị thành viên: 11, không phải 12.");

        JsonNode a = http.get("/api/news/articles/" + article.slug()).json();
        assertThat(a.path("slug").asText()).isEqualTo(article.slug());
        assertThat(a.path("revision").asInt()).isEqualTo(2);
        assertThat(a.path("title").asText()).isEqualTo("Hội nghị tại thị xã Sa Pa " + u);
        assertThat(a.path("body").asText()).contains("Có 11 đô thị");
        assertThat(a.path("correctedAt").asText()).isNotBlank();
        JsonNode revisions = a.path("revisions");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).path("revision").asInt()).isEqualTo(1);
        assertThat(revisions.get(0).path("title").asText()).isEqualTo("Hội nghị tại Sa Pa " + u);
        assertThat(revisions.get(0).path("note").isNull()).isTrue();
        assertThat(revisions.get(1).path("revision").asInt()).isEqualTo(2);
        assertThat(revisions.get(1).path("title").asText()).isEqualTo("Hội nghị tại thị xã Sa Pa " + u);
        assertThat(revisions.get(1).path("note").asText()).isEqualTo("Sửa số đô thị thành viên: 11, không phải 12.");
        assertThat(revisions.get(1).path("at").asText()).isEqualTo(a.path("correctedAt").asText());
        // The earlier revision is kept in full, but only the current one is searched.
        assertThat(jdbc.sql("SELECT body FROM published_article_revision WHERE revision = 1 AND title = ?")
                .param("Hội nghị tại Sa Pa " + u).query(String.class).single()).contains("Có 12 đô thị");
        assertThat(slugs("/api/news/articles?q=sua" + u)).containsExactly(article.slug());
        assertThat(slugs("/api/news/articles?q=loimoi" + u)).isEmpty();
    }

    private List<String> slugs(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("items").findValuesAsText("slug");
    }
}
