package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/** A proposed nomination was sent to the awarding body; {@code reference} is the dossier's reference. */
public record NominationForwarded(String roundId, String urbanAreaId, String award, String reference)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
