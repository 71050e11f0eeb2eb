package org.giaoban.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.platform.security.Caller;
import org.giaoban.platform.security.Role;
import org.junit.jupiter.api.Test;

/** Who a ballot is recorded as, from the caller's token alone: no I/O, no Spring. */
class CompetitionAccessTest {

    private static final String ROUND = "tay-bac-2023";

    private static Caller delegateOf(String urbanArea) {
        return new Caller("delegate-" + urbanArea, Set.of(Role.DELEGATE), Set.of(), urbanArea);
    }

    private static Caller coordinatorOf(String... clusters) {
        return new Caller("coordinator", Set.of(Role.COORDINATOR), Set.of(clusters), null);
    }

    @Test
    void theDelegateOfTheUrbanAreaCastsItsBallotAsDelegate() {
        assertThat(CompetitionAccess.ballotRecordedBy(delegateOf("sa-pa"), ROUND, "sa-pa")).contains(RecordedBy.DELEGATE);
    }

    @Test
    void theCoordinatorOfTheRoundsClusterRecordsTheShowOfHandsAsCoordinator() {
        assertThat(CompetitionAccess.ballotRecordedBy(coordinatorOf("viet-bac", "tay-bac"), ROUND, "sa-pa"))
                .contains(RecordedBy.COORDINATOR);
    }

    @Test
    void nobodyElseCastsIt() {
        assertThat(CompetitionAccess.ballotRecordedBy(delegateOf("lai-chau"), ROUND, "sa-pa")).isEmpty();
        assertThat(CompetitionAccess.ballotRecordedBy(coordinatorOf("viet-bac"), ROUND, "sa-pa")).isEmpty();
        assertThat(CompetitionAccess.ballotRecordedBy(coordinatorOf("tay-bac"), "tay-bac", "sa-pa")).as("not a round id").isEmpty();
        for (Role role : new Role[] {Role.OPERATOR, Role.EDITOR, Role.ANALYST}) {
            assertThat(CompetitionAccess.ballotRecordedBy(new Caller(role.name(), Set.of(role), Set.of("tay-bac"), "sa-pa"), ROUND, "sa-pa"))
                    .as(role.name()).isEmpty();
        }
    }

    @Test
    void aDelegateClaimWithoutTheDelegateRoleCountsForNothing() {
        assertThat(CompetitionAccess.ballotRecordedBy(new Caller("x", Set.of(Role.EDITOR), Set.of(), "sa-pa"), ROUND, "sa-pa")).isEmpty();
    }
}
