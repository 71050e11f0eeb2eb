package org.giaoban.contracts.news;

import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A published article was corrected (đính chính) and stays published with a new {@code revision}. Carries the
 * whole of what a correction may change, changed or not; {@code tags} is never null (empty when none).
 * {@code note} says what was corrected, null when not given.
 */
public record ArticleCorrected(String articleId, String slug, int revision, String title, String summary,
                               String category, List<String> tags, String note) implements IntegrationEvent {

    @Override
    public String subject() {
        return articleId;
    }
}
