package org.giaoban.competition.round;

import java.time.LocalDate;

import org.giaoban.competition.Ref;
import org.giaoban.competition.roster.Roster;
import org.giaoban.competition.round.RoundCommands.Plan;
import org.giaoban.platform.problem.DomainException;
import org.springframework.stereotype.Component;

/**
 * Turns the ids of a plan into the named references a round records, from the roster copy: the cluster must be known,
 * and its host and leader members of it on the conference date (or on 1 January of the year when none is set yet).
 */
@Component
public class RoundPlanning {

    private final Roster roster;

    public RoundPlanning(Roster roster) {
        this.roster = roster;
    }

    public Plan plan(String clusterId, int year, String movement, String theme, String hostId, String leaderId,
                     LocalDate conferenceDate, String venue, String workshopTopic, Rules rules) {
        String clusterName = roster.clusterName(clusterId)
                .orElseThrow(() -> DomainException.notFound("unknown-cluster", "No cluster " + clusterId + " is known."));
        LocalDate day = conferenceDate != null ? conferenceDate : LocalDate.of(year, 1, 1);
        return new Plan(new Ref(clusterId, clusterName), year, movement, theme, member(clusterId, hostId, day, "host"),
                member(clusterId, leaderId, day, "leader"), conferenceDate, venue, workshopTopic, rules);
    }

    private Ref member(String clusterId, String urbanAreaId, LocalDate day, String role) {
        String name = roster.urbanAreaName(urbanAreaId, day)
                .orElseThrow(() -> DomainException.notFound("unknown-urban-area", "No urban area " + urbanAreaId + " is known."));
        boolean member = roster.membersOn(clusterId, day).stream().anyMatch(m -> m.id().equals(urbanAreaId));
        if (!member) {
            throw DomainException.conflict(role + "-not-a-member", name + " is not a member of " + clusterId + " on " + day + ".");
        }
        return new Ref(urbanAreaId, name);
    }
}
