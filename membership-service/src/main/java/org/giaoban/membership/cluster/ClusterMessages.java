package org.giaoban.membership.cluster;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands and private domain events of a cluster (cụm). */
public final class ClusterMessages {

    private ClusterMessages() {
    }

    public record FormCluster(String clusterId, String name, String nameEn, String region, List<String> aliases) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Cluster.streamId(clusterId);
        }
    }

    /** Replaces the cluster's names, region and aliases as a whole. */
    public record RenameCluster(String clusterId, String name, String nameEn, String region, List<String> aliases) {

        @TargetAggregateIdentifier
        public String streamId() {
            return Cluster.streamId(clusterId);
        }
    }

    public record ClusterFormed(String clusterId, String name, String nameEn, String region, List<String> aliases) {
    }

    public record ClusterRenamed(String clusterId, String name, String nameEn, String region, List<String> aliases) {
    }
}
