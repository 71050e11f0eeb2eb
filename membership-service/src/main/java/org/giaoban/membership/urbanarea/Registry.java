package org.giaoban.membership.urbanarea;

/**
 * Existence checks across aggregates, answered from the event store itself (not from a read model that may lag):
 * an admission names a cluster, a dissolution names its successors.
 */
public interface Registry {

    boolean clusterExists(String clusterId);

    boolean urbanAreaExists(String urbanAreaId);
}
