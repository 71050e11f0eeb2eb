package org.giaoban.news.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.ArticleMessages;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.PoisonEvents;
import org.giaoban.testsupport.ProjectionAdmin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12 for the news: an event the published news or the drafts cannot apply (planted straight into the store:
 * no command records one) is parked, and every other article keeps reaching both read models; a rebuild finishes.
 */
class PoisonEventTest extends NewsServiceTestBase {

    private static final List<String> PROJECTIONS = List.of("published-news", "drafts");
    private static final String UNREADABLE = "article:poison-unreadable";
    private static final String FAR_FUTURE = "article:poison-far-future";

    @Autowired
    private DataSource dataSource;

    /** The poison stays in the store (a rebuild parks it again); what is parked is dropped for the other tests. */
    @AfterEach
    void dropWhatIsParked() {
        admin().dropEverywhere(List.of(UNREADABLE, FAR_FUTURE));
    }

    @Test
    void anEventAProjectionCannotApplyIsParkedAndEverythingElseGoesOn() {
        String garbage = "{\"articleId\":{\"not\":\"an id\"},\"revision\":\"first\"}";
        PoisonEvents.plant(dataSource, UNREADABLE, 0, ArticleMessages.DraftCreated.class.getName(), garbage);
        PoisonEvents.plant(dataSource, UNREADABLE, 1, ArticleMessages.ArticlePublished.class.getName(), garbage);
        PoisonEvents.plant(dataSource, FAR_FUTURE, 0, ArticleMessages.ArticlePublished.class.getName(), """
                {"articleId":"poison-far-future","slug":"poison-far-future","revision":1,"publishedAt":"+10000000-01-01T00:00:00Z",
                 "source":{"kind":"EDITOR","roundId":null},
                 "content":{"title":"Tin từ tương lai","summary":"Tóm tắt","body":"Nội dung","category":"Hoạt động các cụm",
                            "tags":[],"clusterIds":[],"urbanAreaIds":[],"images":[]}}""");

        // Meanwhile the editor publishes one article and keeps another as a draft.
        String word = EditorialDesk.unique();
        EditorialDesk desk = new EditorialDesk(editor);
        String published = desk.published(EditorialDesk.content("Tin " + word + " được đăng"));
        String draft = desk.create(EditorialDesk.content("Bản thảo " + word));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> bothReadModelsShow(word, published, draft));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(parkedSequences("published-news")).contains(UNREADABLE, FAR_FUTURE);
            assertThat(parkedSequences("drafts")).contains(UNREADABLE);
        });

        admin().rebuild(PROJECTIONS);
        assertThat(parkedSequences("published-news")).contains(FAR_FUTURE);
        bothReadModelsShow(word, published, draft);
    }

    private void bothReadModelsShow(String word, String published, String draft) {
        assertThat(http.get("/api/news/articles?q=" + word).json().path("items").findValuesAsText("title"))
                .containsExactly("Tin " + word + " được đăng");
        assertThat(editor.get("/api/news/drafts/" + published).status()).isEqualTo(404);
        assertThat(editor.get("/api/news/drafts/" + draft).status()).isEqualTo(200);
    }

    private List<String> parkedSequences(String projection) {
        return admin().parkedSequences(projection);
    }

    private ProjectionAdmin admin() {
        return new ProjectionAdmin(operator, "/api/news");
    }
}
