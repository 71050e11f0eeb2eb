package org.giaoban.contracts.competition;

import java.time.LocalDate;
import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/**
 * A round concluded, with everything a story of its conference needs: the plan, the participants, the nominations
 * carried ({@code PROPOSED}), next year's host, leader and theme, and the flag handover (trao cờ) from this year's
 * host to {@code flagHandedOverTo}. Next year's round is planned with it (see {@link RoundPlanned}).
 * {@code conferenceDate}, {@code venue} and {@code workshopTopic} are null when they were never recorded.
 */
public record RoundConcluded(String roundId, Ref cluster, int year, String movement, String theme,
                             LocalDate conferenceDate, String venue, String workshopTopic, Ref host, Ref leader,
                             List<Ref> participants, List<NominationSummary> nominations, Ref nextHost, Ref nextLeader,
                             String nextTheme, Ref flagHandedOverTo) implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
