package org.giaoban.contracts.membership;

import java.util.List;

import org.giaoban.contracts.IntegrationEvent;

/** A cluster (cụm) was formed. {@code aliases} are other names it is known by. */
public record ClusterFormed(String clusterId, String name, String nameEn, String region, List<String> aliases)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return clusterId;
    }
}
