package org.giaoban.contracts.competition;

import java.time.LocalDate;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A planned round was amended before it opened. Carries the round's whole plan from now on, changed or not: a
 * consumer replaces what it holds. {@code conferenceDate}, {@code venue} and {@code workshopTopic} are null until
 * known.
 */
public record RoundAmended(String roundId, Ref cluster, int year, String movement, String theme, Ref host, Ref leader,
                           LocalDate conferenceDate, String venue, String workshopTopic, Rules rules)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
