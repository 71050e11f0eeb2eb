package org.giaoban.news.article;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands and private domain events of an article. */
public final class ArticleMessages {

    private ArticleMessages() {
    }

    public enum ArticleState { DRAFT, IN_REVIEW, PUBLISHED, UNPUBLISHED }

    /** Who wrote the first draft: an editor, or the system from a concluded round ({@code roundId}). */
    public record Source(String kind, String roundId) {

        public static final String EDITOR = "EDITOR";
        public static final String ROUND_OUTCOME = "ROUND_OUTCOME";

        public static Source editor() {
            return new Source(EDITOR, null);
        }

        public static Source roundOutcome(String roundId) {
            return new Source(ROUND_OUTCOME, roundId);
        }
    }

    // ---- commands ---------------------------------------------------------------------------------------------------

    /**
     * Creates a draft; idempotent by id: the system's draft of a round has the id {@code round-<roundId>}, so a
     * redelivered or replayed conclusion finds it written already.
     */
    public record CreateDraft(String articleId, ArticleContent content, Source source, List<ChecklistItem> checklist) {

        /** Without checklist: every editor's article. */
        public CreateDraft(String articleId, ArticleContent content, Source source) {
            this(articleId, content, source, List.of());
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    /**
     * The whole new content; {@code checklistDone}: the items of the draft's checklist that are done after the edit
     * (the others are not), or null to leave the ticks as they are.
     */
    public record EditDraft(String articleId, ArticleContent content, List<ChecklistItem> checklistDone) {

        public EditDraft(String articleId, ArticleContent content) {
            this(articleId, content, null);
        }

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    public record SubmitArticle(String articleId) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    public record ReturnArticle(String articleId, String note) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    public record PublishArticle(String articleId) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    public record UnpublishArticle(String articleId, String reason) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    /** A correction of a published article: the whole corrected content, and a note saying what was corrected. */
    public record CorrectArticle(String articleId, ArticleContent content, String note) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Article.streamId(articleId);
        }
    }

    // ---- events -----------------------------------------------------------------------------------------------------

    /**
     * {@code slug}: from the title, unique, and kept for the article's whole life. {@code checklist}: what an editor
     * is to add before publishing (a draft written from a round's outcome); empty for an editor's own article, and in
     * drafts recorded before checklists existed.
     */
    public record DraftCreated(String articleId, String slug, ArticleContent content, Source source,
                               List<ChecklistItem> checklist) {

        public DraftCreated {
            checklist = checklist == null ? List.of() : List.copyOf(checklist);
        }

        public DraftCreated(String articleId, String slug, ArticleContent content, Source source) {
            this(articleId, slug, content, source, List.of());
        }
    }

    public record DraftEdited(String articleId, ArticleContent content) {
    }

    /** The items of the draft's checklist that are done now, in the checklist's order; the others are not. */
    public record ChecklistTicked(String articleId, List<ChecklistItem> done) {
    }

    public record ArticleSubmitted(String articleId) {
    }

    public record ArticleReturned(String articleId, String note) {
    }

    /** {@code revision}: 1 at first publication; each correction adds one. */
    public record ArticlePublished(String articleId, String slug, ArticleContent content, Source source, int revision,
                                   Instant publishedAt) {
    }

    public record ArticleUnpublished(String articleId, String slug, String reason) {
    }

    /** The earlier revisions stay in the history; {@code note} says what was corrected. */
    public record ArticleCorrected(String articleId, String slug, int revision, ArticleContent content, String note) {
    }
}
