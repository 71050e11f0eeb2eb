package org.giaoban.membership.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import org.giaoban.membership.Ids;
import org.giaoban.membership.cluster.ClusterProjection;
import org.giaoban.membership.cluster.ClusterProjection.ClusterView;
import org.giaoban.membership.roster.RosterQueries.Member;
import org.giaoban.membership.roster.RosterQueries.UrbanAreaView;
import org.giaoban.platform.problem.DomainException;
import org.giaoban.platform.time.Today;
import org.giaoban.platform.validation.DomainDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Rosters as of any day, and an urban area's state on a day ("today" is the date in Việt Nam). */
@RestController
@RequestMapping("/api/membership")
public class RosterController {

    private final ClusterProjection clusters;
    private final RosterQueries rosters;

    public RosterController(ClusterProjection clusters, RosterQueries rosters) {
        this.clusters = clusters;
        this.rosters = rosters;
    }

    public record Roster(String clusterId, String clusterName, LocalDate asOf, List<Member> members) {
    }

    public record ClusterWithRoster(String id, String name, String nameEn, String region, List<String> aliases,
                                    Instant formedAt, LocalDate asOf, List<Member> members) {
    }

    @GetMapping("/clusters/{id}")
    public ClusterWithRoster cluster(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id) {
        ClusterView cluster = knownCluster(id);
        LocalDate today = Today.inVietnam();
        return new ClusterWithRoster(cluster.id(), cluster.name(), cluster.nameEn(), cluster.region(), cluster.aliases(),
                cluster.formedAt(), today, rosters.membersOn(id, today));
    }

    @GetMapping("/clusters/{id}/members")
    public Roster members(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @DomainDate LocalDate asOf) {
        ClusterView cluster = knownCluster(id);
        LocalDate day = asOf == null ? Today.inVietnam() : asOf;
        return new Roster(cluster.id(), cluster.name(), day, rosters.membersOn(id, day));
    }

    @GetMapping("/urban-areas/{id}")
    public UrbanAreaView urbanArea(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @DomainDate LocalDate asOf) {
        return rosters.urbanArea(id, asOf == null ? Today.inVietnam() : asOf)
                .orElseThrow(() -> DomainException.notFound("unknown-urban-area", "No urban area " + id + " is registered."));
    }

    private ClusterView knownCluster(String id) {
        return clusters.find(id)
                .orElseThrow(() -> DomainException.notFound("unknown-cluster", "No cluster " + id + " has been formed."));
    }
}
