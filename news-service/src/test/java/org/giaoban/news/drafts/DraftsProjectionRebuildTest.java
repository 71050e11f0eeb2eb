package org.giaoban.news.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.news.article.EditorialDesk.content;
import static org.giaoban.news.article.EditorialDesk.unique;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.giaoban.news.NewsServiceTestBase;
import org.giaoban.news.article.ArticleContent;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The drafts read model, reset and replayed from the event store, gives exactly the rows that live processing gave. */
class DraftsProjectionRebuildTest extends NewsServiceTestBase {

    @Autowired
    private CommandGateway commands;

    @Test
    void rebuildingTheDraftsGivesIdenticalRows() {
        List<String> mine = everyKindOfArticle();
        awaitProjectionsCaughtUp();
        List<String> live = snapshot();
        assertThat(String.join("\n", live)).contains(mine);

        Http.Response started = operator.post("/api/news/admin/projections/drafts/rebuild", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        awaitRebuilt();

        assertThat(snapshot()).isEqualTo(live);
    }

    @Test
    void theAdminEndpointListsTheDrafts() {
        JsonNode projections = operator.get("/api/news/admin/projections").json();

        assertThat(projections.findValuesAsText("name")).contains(DraftsProjection.NAME);
    }

    /**
     * A draft, an edited one returned with a note, one in review, one published, one corrected and unpublished, and the
     * system's draft of a round.
     */
    private List<String> everyKindOfArticle() {
        EditorialDesk desk = new EditorialDesk(editor);
        String draft = desk.create(content("Bản nháp giao ban " + unique()));

        String returned = desk.create(content("Bài bị trả lại " + unique()));
        Map<String, Object> edited = content("Bài bị trả lại, đã sửa " + unique());
        edited.put("images", List.of());
        assertThat(editor.put("/api/news/articles/" + returned, EditorialDesk.json(edited)).status()).isEqualTo(200);
        desk.submit(returned);
        desk.giveBack(returned, "Thiếu ảnh.");

        String inReview = desk.create(content("Bài chờ duyệt " + unique()));
        desk.submit(inReview);

        String published = desk.published(content("Bài đã đăng " + unique()));

        String unpublished = desk.published(content("Bài đã gỡ " + unique()));
        desk.correct(unpublished, content("Bài đã gỡ, đã đính chính " + unique()), "Đính chính tiêu đề.");
        desk.unpublish(unpublished, "Chờ xác nhận số liệu");

        String roundId = "tay-bac-" + unique() + "-2023";
        String fromRound = "round-" + roundId;
        commands.sendAndWait(new CreateDraft(fromRound, new ArticleContent("Kết quả giao ban năm 2023 " + unique(), "Hội nghị giao ban.",
                "Thành phố Lai Châu đăng cai năm 2024.", "Hoạt động các cụm", List.of("Tây Bắc"), List.of("tay-bac"),
                List.of("lai-chau"), List.of()), Source.roundOutcome(roundId)));

        return List.of(draft, returned, inReview, published, unpublished, fromRound);
    }

    /** Done, as the admin endpoint reports it: every projection running, none rebuilding, no lag. */
    private void awaitRebuilt() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode projections = operator.get("/api/news/admin/projections").json();
            for (JsonNode projection : projections) {
                if (projection.path("rebuilding").asBoolean() || projection.path("lag").asLong() > 0
                        || !projection.path("running").asBoolean()) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every row of the table, as text, sorted. */
    private List<String> snapshot() {
        return jdbc.sql("SELECT * FROM draft").query().listOfRows().stream().map(Object::toString).sorted().toList();
    }
}
