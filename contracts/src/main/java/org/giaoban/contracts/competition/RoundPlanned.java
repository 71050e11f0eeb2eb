package org.giaoban.contracts.competition;

import java.time.LocalDate;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A round (phong trào thi đua năm N) of a cluster was planned: by a coordinator or an operator, or when the previous
 * year's round concluded, with the host, theme and leader carried there and a copy of its rules. {@code roundId} is
 * {@code <clusterId>-<year>}, e.g. {@code tay-bac-2023}. {@code conferenceDate}, {@code venue} and
 * {@code workshopTopic} are null until known.
 */
public record RoundPlanned(String roundId, Ref cluster, int year, String movement, String theme, Ref host, Ref leader,
                           LocalDate conferenceDate, String venue, String workshopTopic, Rules rules)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
