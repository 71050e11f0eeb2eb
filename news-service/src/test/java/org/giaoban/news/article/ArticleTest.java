package org.giaoban.news.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.giaoban.testsupport.Refusal.refusedWith;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.giaoban.news.article.ArticleContent.Image;
import org.giaoban.news.article.ArticleMessages.ArticleCorrected;
import org.giaoban.news.article.ArticleMessages.ArticlePublished;
import org.giaoban.news.article.ArticleMessages.ArticleReturned;
import org.giaoban.news.article.ArticleMessages.ArticleSubmitted;
import org.giaoban.news.article.ArticleMessages.ArticleUnpublished;
import org.giaoban.news.article.ArticleMessages.CorrectArticle;
import org.giaoban.news.article.ArticleMessages.CreateDraft;
import org.giaoban.news.article.ArticleMessages.DraftCreated;
import org.giaoban.news.article.ArticleMessages.DraftEdited;
import org.giaoban.news.article.ArticleMessages.EditDraft;
import org.giaoban.news.article.ArticleMessages.PublishArticle;
import org.giaoban.news.article.ArticleMessages.ReturnArticle;
import org.giaoban.news.article.ArticleMessages.Source;
import org.giaoban.news.article.ArticleMessages.SubmitArticle;
import org.giaoban.news.article.ArticleMessages.UnpublishArticle;
import org.giaoban.platform.text.VietnameseText;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An article through its editorial workflow (API.md), given what happened to it before. */
class ArticleTest {

    static final String ID = "0b8f3c2e-5d1a-4c3e-9f7a-2b6d8e1f4a90";
    static final String TITLE = "Giao ban cụm các đô thị vùng Tây Bắc năm 2023";
    static final String SLUG = "giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023";
    static final ArticleContent CONTENT = new ArticleContent(TITLE,
            "Thị xã Sa Pa đăng cai hội nghị giao ban; Lai Châu đăng cai năm 2024.",
            "Ngày 24/9/2023, tại thị xã Sa Pa, Cụm các đô thị vùng Tây Bắc tổ chức hội nghị giao ban năm 2023.",
            "Hoạt động các cụm", List.of("Tây Bắc", "thi đua"), List.of("tay-bac"), List.of("sa-pa", "lai-chau"),
            List.of(new Image("https://giaoban.org/anh/sa-pa-2023.jpg", "Trao cờ đăng cai cho thành phố Lai Châu")));
    static final ArticleContent CORRECTED = new ArticleContent("Hội nghị giao ban Cụm các đô thị vùng Tây Bắc năm 2023",
            CONTENT.summary(), CONTENT.body(), CONTENT.category(), CONTENT.tags(), CONTENT.clusterIds(),
            List.of("sa-pa", "lai-chau", "tuyen-quang"), CONTENT.images());

    static final DraftCreated CREATED = new DraftCreated(ID, SLUG, CONTENT, Source.editor());
    static final ArticleSubmitted SUBMITTED = new ArticleSubmitted(ID);
    static final ArticleReturned RETURNED = new ArticleReturned(ID, "Bổ sung danh sách đơn vị được đề nghị khen thưởng.");
    static final ArticlePublished PUBLISHED = new ArticlePublished(ID, SLUG, CONTENT, Source.editor(), 1,
            Instant.parse("2023-09-25T02:00:00Z"));
    static final ArticleUnpublished UNPUBLISHED = new ArticleUnpublished(ID, SLUG, "Chờ xác nhận số liệu");
    static final ArticleCorrected CORRECTION = new ArticleCorrected(ID, SLUG, 2, CORRECTED, "Sửa tiêu đề, bổ sung Tuyên Quang.");

    static final Object[] DRAFT = {CREATED};
    static final Object[] IN_REVIEW = {CREATED, SUBMITTED};
    static final Object[] RETURNED_DRAFT = {CREATED, SUBMITTED, RETURNED};
    static final Object[] LIVE = {CREATED, SUBMITTED, PUBLISHED};
    static final Object[] TAKEN_DOWN = {CREATED, SUBMITTED, PUBLISHED, UNPUBLISHED};

    /** Slugs held in memory as the table would hold them; remembers what it was asked. */
    static final class InMemorySlugs implements SlugRegistry {
        final Map<String, String> holders = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public String reserve(String base, String articleId) {
            asked.add(base);
            for (Map.Entry<String, String> held : holders.entrySet()) {
                if (held.getValue().equals(articleId)) {
                    return held.getKey();
                }
            }
            for (int n = 1; ; n++) {
                String candidate = n == 1 ? base : base + "-" + n;
                if (holders.putIfAbsent(candidate, articleId) == null) {
                    return candidate;
                }
            }
        }
    }

    private final InMemorySlugs slugs = new InMemorySlugs();
    private FixtureConfiguration<Article> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Article.class);
        fixture.registerInjectableResource(slugs);
    }

    // ---- a draft and its slug ---------------------------------------------------------------------------------------

    @Test
    void aDraftTakesItsSlugFromItsTitleWithDiacriticsFolded() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, CONTENT, Source.editor()))
                .expectEvents(CREATED)
                .expectResultMessagePayload(Outcome.RECORDED);

        assertThat(slugs.asked).containsExactly(VietnameseText.slug(TITLE));
        assertThat(VietnameseText.slug(TITLE)).isEqualTo(SLUG);
    }

    @Test
    void aDraftWithoutASourceIsAnEditors() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, CONTENT, null))
                .expectEvents(CREATED);
    }

    @Test
    void aSecondArticleWithTheSameTitleGetsTheNextSlug() {
        slugs.holders.put(SLUG, "another-article");

        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, CONTENT, Source.editor()))
                .expectEvents(new DraftCreated(ID, SLUG + "-2", CONTENT, Source.editor()));
    }

    @Test
    void textIsStoredInNfcTrimmedWithListsNeverNull() {
        String decomposed = Normalizer.normalize("  Giao ban  cụm các đô thị\tvùng Tây Bắc năm 2023 ", Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(TITLE);
        ArticleContent sent = new ArticleContent(decomposed, "  Hội nghị   giao ban năm 2023 ",
                Normalizer.normalize(" " + CONTENT.body() + "\n", Normalizer.Form.NFD), " Hoạt động các cụm ",
                List.of(" Tây Bắc ", Normalizer.normalize("Tây Bắc", Normalizer.Form.NFD), "thi đua"), List.of("tay-bac", "tay-bac"),
                null, List.of(new Image(" https://giaoban.org/anh/sa-pa-2023.jpg ", "  ")));
        ArticleContent stored = new ArticleContent(TITLE, "Hội nghị giao ban năm 2023", CONTENT.body(), "Hoạt động các cụm", List.of("Tây Bắc", "thi đua"),
                List.of("tay-bac"), List.of(), List.of(new Image("https://giaoban.org/anh/sa-pa-2023.jpg", null)));

        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, sent, Source.editor()))
                .expectEvents(new DraftCreated(ID, SLUG, stored, Source.editor()));
    }

    @Test
    void anEditorsDraftCreatedAgainIsUnchangedWhenEqualAndAConflictWhenNot() {
        fixture.given(CREATED)
                .when(new CreateDraft(ID, CONTENT, Source.editor()))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
        fixture.given(CREATED)
                .when(new CreateDraft(ID, CORRECTED, Source.editor()))
                .expectException(refusedWith("article-exists"))
                .expectNoEvents();
    }

    @Test
    void theSystemsDraftOfARoundIsWrittenOnceWhateverIsRedelivered() {
        String roundDraft = "round-tay-bac-2023";
        DraftCreated written = new DraftCreated(roundDraft, SLUG, CONTENT, Source.roundOutcome("tay-bac-2023"));

        fixture.given(written)
                .when(new CreateDraft(roundDraft, CONTENT, Source.roundOutcome("tay-bac-2023")))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
        // An editor changed it since: the conclusion delivered again does not overwrite it or fail.
        fixture.given(written, new DraftEdited(roundDraft, CORRECTED))
                .when(new CreateDraft(roundDraft, CONTENT, Source.roundOutcome("tay-bac-2023")))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
        assertThat(slugs.asked).isEmpty();
    }

    // ---- editing ----------------------------------------------------------------------------------------------------

    @Test
    void aDraftIsEditedAndTheSameContentAgainChangesNothing() {
        fixture.given(CREATED)
                .when(new EditDraft(ID, CORRECTED))
                .expectEvents(new DraftEdited(ID, CORRECTED))
                .expectResultMessagePayload(Outcome.RECORDED);
        fixture.given(CREATED, new DraftEdited(ID, CORRECTED))
                .when(new EditDraft(ID, CORRECTED))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
        fixture.given(RETURNED_DRAFT)
                .when(new EditDraft(ID, CORRECTED))
                .expectEvents(new DraftEdited(ID, CORRECTED));
    }

    @Test
    void editingNeverChangesTheSlug() {
        fixture.given(CREATED, new DraftEdited(ID, CORRECTED), SUBMITTED)
                .when(new PublishArticle(ID))
                .expectEventsMatching(published(new ArticlePublished(ID, SLUG, CORRECTED, Source.editor(), 1, null)));
        assertThat(slugs.asked).isEmpty();
    }

    // ---- the workflow -----------------------------------------------------------------------------------------------

    @Test
    void aDraftIsSubmittedForReview() {
        fixture.given(DRAFT).when(new SubmitArticle(ID)).expectEvents(SUBMITTED);
        fixture.given(RETURNED_DRAFT).when(new SubmitArticle(ID)).expectEvents(SUBMITTED);
    }

    @Test
    void anArticleInReviewIsReturnedWithOrWithoutANote() {
        fixture.given(IN_REVIEW)
                .when(new ReturnArticle(ID, Normalizer.normalize("  Bổ sung danh sách  đơn vị được đề nghị khen thưởng. ",
                        Normalizer.Form.NFD)))
                .expectEvents(RETURNED);
        fixture.given(IN_REVIEW).when(new ReturnArticle(ID, " ")).expectEvents(new ArticleReturned(ID, null));
    }

    @Test
    void anArticleInReviewIsPublishedAsRevisionOne() {
        Instant before = Instant.now();
        fixture.given(IN_REVIEW)
                .when(new PublishArticle(ID))
                .expectEventsMatching(published(new ArticlePublished(ID, SLUG, CONTENT, Source.editor(), 1, null)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        Matchers.<Object>predicate(e -> !((ArticlePublished) e).publishedAt().isBefore(before)), andNoMore())));
    }

    @Test
    void aPublishedArticleIsUnpublishedWithAReasonAndPublishedAgain() {
        fixture.given(LIVE)
                .when(new UnpublishArticle(ID, " Chờ xác nhận  số liệu "))
                .expectEvents(UNPUBLISHED);
        fixture.given(TAKEN_DOWN)
                .when(new PublishArticle(ID))
                .expectEventsMatching(published(new ArticlePublished(ID, SLUG, CONTENT, Source.editor(), 1, null)));
    }

    @Test
    void aCorrectionKeepsTheSlugAndBumpsTheRevision() {
        fixture.given(LIVE)
                .when(new CorrectArticle(ID, CORRECTED, "Sửa tiêu đề, bổ sung Tuyên Quang."))
                .expectEvents(CORRECTION);
        fixture.given(CREATED, SUBMITTED, PUBLISHED, CORRECTION)
                .when(new CorrectArticle(ID, CONTENT, "Trả lại tiêu đề cũ."))
                .expectEvents(new ArticleCorrected(ID, SLUG, 3, CONTENT, "Trả lại tiêu đề cũ."));
        assertThat(slugs.asked).isEmpty();
    }

    @Test
    void aCorrectedArticlePublishedAgainKeepsItsRevisionAndCorrectedContent() {
        fixture.given(CREATED, SUBMITTED, PUBLISHED, CORRECTION, UNPUBLISHED)
                .when(new PublishArticle(ID))
                .expectEventsMatching(published(new ArticlePublished(ID, SLUG, CORRECTED, Source.editor(), 2, null)));
    }

    @Test
    void publishingTwiceIsRefused() {
        fixture.given(LIVE)
                .when(new PublishArticle(ID))
                .expectException(refusedWith("already-published"))
                .expectNoEvents();
        fixture.given(CREATED, SUBMITTED, PUBLISHED, CORRECTION)
                .when(new PublishArticle(ID))
                .expectException(refusedWith("already-published"));
    }

    @Test
    void aPublishedArticleChangesOnlyByACorrection() {
        fixture.given(LIVE)
                .when(new EditDraft(ID, CORRECTED))
                .expectException(refusedWith("published-use-correction"))
                .expectNoEvents();
        fixture.given(TAKEN_DOWN)
                .when(new EditDraft(ID, CORRECTED))
                .expectException(refusedWith("published-use-correction"))
                .expectNoEvents();
    }

    static Stream<Arguments> refusedMoves() {
        return Stream.of(
                Arguments.of("edit in review", IN_REVIEW, new EditDraft(ID, CORRECTED), "not-a-draft"),
                Arguments.of("submit in review", IN_REVIEW, new SubmitArticle(ID), "not-a-draft"),
                Arguments.of("submit published", LIVE, new SubmitArticle(ID), "not-a-draft"),
                Arguments.of("submit unpublished", TAKEN_DOWN, new SubmitArticle(ID), "not-a-draft"),
                Arguments.of("return a draft", DRAFT, new ReturnArticle(ID, null), "not-in-review"),
                Arguments.of("return a returned draft", RETURNED_DRAFT, new ReturnArticle(ID, null), "not-in-review"),
                Arguments.of("return published", LIVE, new ReturnArticle(ID, null), "not-in-review"),
                Arguments.of("return unpublished", TAKEN_DOWN, new ReturnArticle(ID, null), "not-in-review"),
                Arguments.of("publish a draft", DRAFT, new PublishArticle(ID), "not-in-review"),
                Arguments.of("publish a returned draft", RETURNED_DRAFT, new PublishArticle(ID), "not-in-review"),
                Arguments.of("publish published", LIVE, new PublishArticle(ID), "already-published"),
                Arguments.of("unpublish a draft", DRAFT, new UnpublishArticle(ID, "x"), "not-published"),
                Arguments.of("unpublish in review", IN_REVIEW, new UnpublishArticle(ID, "x"), "not-published"),
                Arguments.of("unpublish unpublished", TAKEN_DOWN, new UnpublishArticle(ID, "x"), "not-published"),
                Arguments.of("correct a draft", DRAFT, new CorrectArticle(ID, CORRECTED, "x"), "not-published"),
                Arguments.of("correct in review", IN_REVIEW, new CorrectArticle(ID, CORRECTED, "x"), "not-published"),
                Arguments.of("correct unpublished", TAKEN_DOWN, new CorrectArticle(ID, CORRECTED, "x"), "not-published"),
                Arguments.of("edit published", LIVE, new EditDraft(ID, CORRECTED), "published-use-correction"),
                Arguments.of("edit unpublished", TAKEN_DOWN, new EditDraft(ID, CORRECTED), "published-use-correction"));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("refusedMoves")
    void noOtherMoves(String move, Object[] history, Object command, String code) {
        fixture.given(history)
                .when(command)
                .expectException(refusedWith(code))
                .expectNoEvents();
    }

    // ---- what is refused in the content -----------------------------------------------------------------------------

    static ArticleContent with(String title, String body, String category, List<String> tags, List<String> clusterIds,
                               List<Image> images) {
        return new ArticleContent(title, CONTENT.summary(), body, category, tags, clusterIds, CONTENT.urbanAreaIds(), images);
    }

    static Stream<Arguments> invalidContent() {
        String b = CONTENT.body();
        String c = CONTENT.category();
        List<String> t = CONTENT.tags();
        List<String> k = CONTENT.clusterIds();
        List<Image> i = CONTENT.images();
        return Stream.of(
                Arguments.of("blank title", with(" \u3000 ", b, c, t, k, i), "blank-title"),
                Arguments.of("no title", with(null, b, c, t, k, i), "blank-title"),
                Arguments.of("title too long", with("Tây Bắc ".repeat(40), b, c, t, k, i), "too-long"),
                Arguments.of("blank body", with(TITLE, "\n\n", c, t, k, i), "blank-body"),
                Arguments.of("blank category", with(TITLE, b, "", t, k, i), "blank-category"),
                Arguments.of("blank tag", with(TITLE, b, c, List.of("Tây Bắc", " "), k, i), "blank-tag"),
                Arguments.of("too many tags", with(TITLE, b, c, IntStream.range(0, 21).mapToObj(n -> "thẻ " + n).toList(), k, i),
                        "too-many"),
                Arguments.of("a cluster id that is no slug", with(TITLE, b, c, t, List.of("Tây Bắc"), i), "invalid-id"),
                Arguments.of("a null cluster id", with(TITLE, b, c, t, Collections.singletonList(null), i), "invalid-id"),
                Arguments.of("an image that is no reference", with(TITLE, b, c, t, k,
                        List.of(new Image("javascript:alert(1)", null))), "invalid-image"),
                Arguments.of("an image without a url", with(TITLE, b, c, t, k, List.of(new Image(" ", "Trao cờ"))),
                        "invalid-image"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("invalidContent")
    void invalidContentIsRefusedWithItsCode(String what, ArticleContent content, String code) {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, content, Source.editor()))
                .expectException(refusedWith(code))
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new EditDraft(ID, content))
                .expectException(refusedWith(code))
                .expectNoEvents();
        fixture.given(LIVE)
                .when(new CorrectArticle(ID, content, "Sửa lỗi."))
                .expectException(refusedWith(code))
                .expectNoEvents();
    }

    @Test
    void anArticleNeedsContent() {
        fixture.givenNoPriorActivity()
                .when(new CreateDraft(ID, null, Source.editor()))
                .expectException(refusedWith("missing-content"));
        assertThat(slugs.asked).isEmpty();
    }

    @Test
    void anUnpublicationNeedsAReasonAndACorrectionANote() {
        fixture.given(LIVE)
                .when(new UnpublishArticle(ID, "  "))
                .expectException(refusedWith("blank-reason"))
                .expectNoEvents();
        fixture.given(LIVE)
                .when(new CorrectArticle(ID, CORRECTED, null))
                .expectException(refusedWith("blank-note"))
                .expectNoEvents();
    }

    @Test
    void anUnknownArticleIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new PublishArticle(ID))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    /** The publication, whatever its time: {@code publishedAt} is the moment it happened. */
    static Matcher<List<org.axonframework.messaging.Message<?>>> published(ArticlePublished expected) {
        return payloadsMatching(exactSequenceOf(
                Matchers.<Object>equalTo(expected, field -> !"publishedAt".equals(field.getName())), andNoMore()));
    }
}
