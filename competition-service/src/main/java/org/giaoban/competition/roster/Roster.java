package org.giaoban.competition.roster;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.giaoban.competition.Ref;

/**
 * The competition service's own copy of the membership registry, built from {@code membership.events.v1}: who was a
 * member of which cluster on which day, and what clusters and urban areas were called.
 */
public interface Roster {

    /** The cluster's members on that day, named as they were named that day, in Vietnamese order of names. */
    List<Ref> membersOn(String clusterId, LocalDate day);

    Optional<String> clusterName(String clusterId);

    /** The urban area's name on that day, if it is known. */
    Optional<String> urbanAreaName(String urbanAreaId, LocalDate day);

    /** Whether everything published on {@code membership.events.v1} so far has been taken into the copy. */
    boolean isCurrent();
}
