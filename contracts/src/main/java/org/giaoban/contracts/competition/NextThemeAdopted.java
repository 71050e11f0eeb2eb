package org.giaoban.contracts.competition;

import org.giaoban.contracts.IntegrationEvent;

/** A NEXT_THEME motion carried: {@code theme} (chủ đề, NFC) is the cluster's theme in {@code forYear}. */
public record NextThemeAdopted(String roundId, String clusterId, int forYear, String theme) implements IntegrationEvent {

    @Override
    public String subject() {
        return roundId;
    }
}
