package org.giaoban.contracts.membership;

import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/** A cluster's names or region changed; carries the whole new set of names. */
public record ClusterRenamed(String clusterId, String name, String nameEn, String region, List<String> aliases)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return clusterId;
    }
}
