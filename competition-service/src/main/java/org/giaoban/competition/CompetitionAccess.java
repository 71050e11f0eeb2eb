package org.giaoban.competition;

import java.util.Map;
import java.util.Optional;

import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.platform.security.Access;
import org.giaoban.platform.security.AccessRules;
import org.giaoban.platform.security.Caller;
import org.giaoban.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;

/**
 * API.md's "who" for competition, route by route. A coordinator acts only on rounds of its own clusters (the cluster is
 * read from the round id, {@link Ids#clusterOf}); a delegate only casts its own urban area's ballots; an operator plans
 * and amends rounds and records what happens to proposals. The platform puts its own rules first (health, API
 * documents, {@code /admin/**} for operators) and requires a valid token for anything not named.
 *
 * <p>Two checks need more than the route: planning needs the cluster in the body ({@link #requirePlanner}), and the
 * ranking is public only once its round is concluded ({@link #requireRankingReader}). Controllers call them.
 */
@Configuration(proxyBeanMethods = false)
public class CompetitionAccess {

    private static final String BASE = "/api/competition";
    private static final String ROUND = BASE + "/rounds/{id}";

    @Bean
    AccessRules competitionRules() {
        return routes -> routes
                // Public reads. A token presented here is still checked: a bad one is 401.
                .requestMatchers(HttpMethod.GET, BASE + "/rounds", ROUND, BASE + "/nominations", BASE + "/hosts", BASE + "/themes")
                .permitAll()
                // Who may read depends on the round's state: RankingController asks requireRankingReader.
                .requestMatchers(HttpMethod.GET, ROUND + "/ranking").permitAll()
                // The cluster is in the body: RoundController asks requirePlanner.
                .requestMatchers(HttpMethod.POST, BASE + "/rounds").access(Access.anyOf(Role.OPERATOR, Role.COORDINATOR))
                .requestMatchers(HttpMethod.PUT, ROUND).access(Access.caller((caller, path) -> plans(caller, Ids.clusterOf(path.get("id")))))
                .requestMatchers(HttpMethod.PUT, ROUND + "/motions/{motionId}/ballots/{urbanAreaId}")
                .access(Access.caller((caller, path) -> ballotRecordedBy(caller, path.get("id"), path.get("urbanAreaId")).isPresent()))
                .requestMatchers(HttpMethod.POST, ROUND + "/opening", ROUND + "/scores", ROUND + "/motions",
                        ROUND + "/motions/{motionId}/withdrawal", ROUND + "/motions/{motionId}/closing", ROUND + "/conclusion")
                .access(Access.caller(CompetitionAccess::runs))
                .requestMatchers(HttpMethod.POST, BASE + "/nominations/{roundId}/{urbanAreaId}/forwarding",
                        BASE + "/nominations/{roundId}/{urbanAreaId}/decision")
                .hasRole(Role.OPERATOR.name())
                // Other reads need a valid token; a write this list does not name is no coordinator's, delegate's,
                // editor's or analyst's to make.
                .requestMatchers(HttpMethod.GET, BASE + "/**").authenticated()
                .requestMatchers(BASE + "/**").hasRole(Role.OPERATOR.name());
    }

    /** A coordinator of the round's cluster: it opens, scores, tables, withdraws, closes and concludes. */
    static boolean runs(Caller caller, Map<String, String> path) {
        return caller.coordinates(Ids.clusterOf(path.get("id")));
    }

    /** An operator, or a coordinator of the cluster, plans and amends its rounds. */
    static boolean plans(Caller caller, String clusterId) {
        return caller.has(Role.OPERATOR) || caller.coordinates(clusterId);
    }

    /**
     * Who a ballot is recorded as, from the caller alone (never from the request): the delegate of that urban area
     * casts it as DELEGATE; the coordinator of the round's cluster records the room's show of hands as COORDINATOR
     * (the round refuses that in a secret round). Empty: the caller may not cast it.
     */
    public static Optional<RecordedBy> ballotRecordedBy(Caller caller, String roundId, String urbanAreaId) {
        if (caller.speaksFor(urbanAreaId)) {
            return Optional.of(RecordedBy.DELEGATE);
        }
        if (caller.coordinates(Ids.clusterOf(roundId))) {
            return Optional.of(RecordedBy.COORDINATOR);
        }
        return Optional.empty();
    }

    /** The current caller's role for this ballot; the route already let only delegates and coordinators through. */
    public static RecordedBy ballotRecordedBy(String roundId, String urbanAreaId) {
        return Caller.current().flatMap(caller -> ballotRecordedBy(caller, roundId, urbanAreaId))
                .orElseThrow(() -> new AccessDeniedException("Only the delegate of " + urbanAreaId
                        + " or the coordinator of the round's cluster casts this ballot."));
    }

    /** Planning a round of {@code clusterId}: an operator, or a coordinator of that cluster. */
    public static void requirePlanner(String clusterId) {
        if (Caller.current().filter(caller -> plans(caller, clusterId)).isEmpty()) {
            throw new AccessDeniedException("Only an operator or a coordinator of " + clusterId + " plans its rounds.");
        }
    }

    /**
     * A ranking is for the coordinators of the round's cluster, operators and analysts until the round is concluded;
     * then for everyone.
     */
    public static void requireRankingReader(String clusterId, boolean concluded) {
        if (concluded) {
            return;
        }
        if (Caller.current().filter(caller -> caller.hasAny(Role.OPERATOR, Role.ANALYST) || caller.coordinates(clusterId)).isEmpty()) {
            throw new AccessDeniedException("Until the round is concluded its ranking is for its coordinators, operators and analysts.");
        }
    }
}
