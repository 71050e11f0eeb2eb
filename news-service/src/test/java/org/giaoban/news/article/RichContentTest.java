package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.testsupport.Refusal.refusedWith;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.news.article.ArticleContent.BodyFormat;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ChecklistTicked;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.news.article.ArticleMessages.DraftEdited;
import org.giaoban.news.article.ArticleMessages.EditDraft;
import org.giaoban.news.article.ArticleMessages.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The article's own rules for rich text, the byline, the placement of pictures and the checklist of a drafted report:
 * HTML is recorded sanitised, a body without text is refused, a picture stands between existing paragraphs, a byline
 * has at most 200 characters, and only a draft written from a round carries a checklist, whose items alone are ticked.
 */
class RichContentTest {

    static final String ID = "9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    static final String ROUND_ID = "round-tay-bac-2023";
    static final String DIRTY = "<h2 style=\"color:red\">Kết quả</h2><p onclick=\"x()\">Đoạn <strong>một</strong>"
            + "<script>alert(1)</script><img src=x onerror=alert(2)></p><p><a href=\"javascript:alert(3)\">xấu</a> và "
            + "<a href=\"https://giaoban.org/tin\">tốt</a></p><style>p{display:none}</style><iframe src=\"https://x\"></iframe>";
    static final String CLEAN = "<h2>Kết quả</h2><p>Đoạn <strong>một</strong></p><p>xấu và "
            + "<a href=\"https://giaoban.org/tin\" rel=\"noopener noreferrer\">tốt</a></p>";

    private FixtureConfiguration<Article> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Article.class);
        fixture.registerInjectableResource(new ArticleTest.InMemorySlugs());
    }

    static ArticleContent html(String body, String byline, List<Image> images) {
        return new ArticleContent("Giao ban vùng Tây Bắc", "Tóm tắt.", body, "Hoạt động cụm", List.of(), List.of(), List.of(),
                images, BodyFormat.HTML, byline);
    }

    @Test
    void anHtmlBodyIsRecordedSanitisedWithItsBylineAndPlacedPictures() {
        List<Image> images = List.of(new Image("/news/images/4f6e2a8c-0000-4000-8000-000000000001", "Ảnh", 0),
                new Image("https://giaoban.org/b.jpg", null, 3), new Image("https://giaoban.org/c.jpg", null));

        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html(DIRTY, "  Ban biên tập ", images), Source.editor()))
                .expectResultMessagePayload(Outcome.RECORDED)
                .expectEvents(new DraftCreated(ID, "giao-ban-vung-tay-bac", html(CLEAN, "Ban biên tập", images),
                        Source.editor(), List.of()));
    }

    @Test
    void sanitisingIsStableAndTheTextHasNoMarkup() {
        assertThat(RichText.sanitise(DIRTY)).isEqualTo(CLEAN);
        assertThat(RichText.sanitise(CLEAN)).isEqualTo(CLEAN);
        assertThat(RichText.text(CLEAN)).isEqualTo("Kết quả\n\nĐoạn một\n\nxấu và tốt");
        assertThat(RichText.blocks("Chữ <b>đậm</b><ul><li>a</li></ul>  <p> </p><blockquote><p>trích</p></blockquote>"))
                .extracting(RichText.Block::html)
                .containsExactly("<p>Chữ <b>đậm</b></p>", "<ul><li>a</li></ul>", "<blockquote><p>trích</p></blockquote>");
        assertThat(RichText.sanitise("<a href=\"//evil.example/x\">a</a><a href=\"/news/x\">b</a><a href=\"mailto:bbt@giaoban.org\">c</a>"))
                .isEqualTo("<p>a<a href=\"/news/x\" rel=\"noopener noreferrer\">b</a>"
                        + "<a href=\"mailto:bbt&#64;giaoban.org\" rel=\"noopener noreferrer\">c</a></p>");
    }

    @Test
    void anHtmlBodyWithoutTextIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html("<script>alert(1)</script><p> </p><img src=x>", null, List.of()), Source.editor()))
                .expectException(refusedWith("blank-body"));
    }

    @Test
    void aPictureStandsBetweenParagraphsThatExist() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html(CLEAN, null, List.of(new Image("https://giaoban.org/a.jpg", null, 4))),
                        Source.editor()))
                .expectException(refusedWith("invalid-image-placement"));
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html(CLEAN, null, List.of(new Image("https://giaoban.org/a.jpg", null, -1))),
                        Source.editor()))
                .expectException(refusedWith("invalid-image-placement"));
    }

    @Test
    void aBylineHasAtMost200Characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html(CLEAN, "B".repeat(201), List.of()), Source.editor()))
                .expectException(refusedWith("too-long"));
    }

    @Test
    void anEditorsArticleCarriesNoChecklist() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, html(CLEAN, null, List.of()), Source.editor(), List.of(ChecklistItem.GUESTS)))
                .expectException(refusedWith("checklist-not-allowed"));
        fixture.given(new DraftCreated(ID, "slug", Article.valid(html(CLEAN, null, List.of())), Source.editor()))
                .when(new EditDraft(ID, html(CLEAN, null, List.of()), List.of(ChecklistItem.PHOTOS)))
                .expectException(refusedWith("not-on-checklist"));
    }

    @Test
    void aDraftedReportsChecklistIsTickedByAnEditWithoutChangingItsContent() {
        ArticleContent report = Article.valid(new ArticleContent("Giao ban", "Tóm tắt.", "Đoạn một.", "Hoạt động cụm",
                List.of(), List.of(), List.of(), List.of()));
        DraftCreated created = new DraftCreated(ROUND_ID, "giao-ban", report, Source.roundOutcome("tay-bac-2023"),
                List.of(ChecklistItem.GUESTS, ChecklistItem.ASSESSMENT, ChecklistItem.PHOTOS));

        fixture.given(created)
                .when(new EditDraft(ROUND_ID, report, List.of(ChecklistItem.PHOTOS, ChecklistItem.GUESTS, ChecklistItem.PHOTOS)))
                .expectEvents(new ChecklistTicked(ROUND_ID, List.of(ChecklistItem.GUESTS, ChecklistItem.PHOTOS)))
                .expectResultMessagePayload(Outcome.RECORDED);
        fixture.given(created, new ChecklistTicked(ROUND_ID, List.of(ChecklistItem.GUESTS)))
                .when(new EditDraft(ROUND_ID, report))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
        ArticleContent edited = Article.valid(new ArticleContent("Giao ban", "Tóm tắt.", "Đoạn một, có khách mời.",
                "Hoạt động cụm", List.of(), List.of(), List.of(), List.of()));
        fixture.given(created, new ChecklistTicked(ROUND_ID, List.of(ChecklistItem.GUESTS)))
                .when(new EditDraft(ROUND_ID, edited, List.of()))
                .expectEvents(new DraftEdited(ROUND_ID, edited), new ChecklistTicked(ROUND_ID, List.of()));
    }

    @Test
    void eventsRecordedBeforeRichTextReadAsPlainTextWithoutChecklist() throws Exception {
        String old = """
                {"articleId":"a","slug":"a","content":{"title":"T","summary":"S","body":"B","category":"C","tags":[],
                 "clusterIds":[],"urbanAreaIds":[],"images":[{"url":"https://x/a.jpg","caption":null}]},
                 "source":{"kind":"ROUND_OUTCOME","roundId":"tay-bac-2023"}}""";

        DraftCreated event = new ObjectMapper().readValue(old, DraftCreated.class);

        assertThat(event.content().bodyFormat()).isEqualTo(BodyFormat.TEXT);
        assertThat(event.content().byline()).isNull();
        assertThat(event.content().images().get(0).afterParagraph()).isNull();
        assertThat(event.checklist()).isEmpty();
    }
}
