package org.giaoban.membership.cluster;

import static org.giaoban.testsupport.Refusal.refusedWith;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.giaoban.membership.Outcome;
import org.giaoban.membership.cluster.ClusterMessages.ClusterFormed;
import org.giaoban.membership.cluster.ClusterMessages.ClusterRenamed;
import org.giaoban.membership.cluster.ClusterMessages.FormCluster;
import org.giaoban.membership.cluster.ClusterMessages.RenameCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterTest {

    private static final ClusterFormed TAY_BAC = new ClusterFormed("tay-bac", "Cụm các đô thị vùng Tây Bắc",
            "Northwest urban cluster", "Tây Bắc", List.of("Cụm các đô thị vùng núi Tây Bắc"));

    private FixtureConfiguration<Cluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Cluster.class);
    }

    @Test
    void formingACluster() {
        fixture.givenNoPriorActivity()
                .when(new FormCluster("tay-bac", "Cụm các đô thị  vùng Tây Bắc ", "Northwest urban cluster", "Tây Bắc",
                        List.of("Cụm các đô thị vùng núi Tây Bắc", "cụm các đô thị vùng núi tây bắc")))
                .expectEvents(TAY_BAC)
                .expectResultMessagePayload(Outcome.RECORDED);
    }

    @Test
    void formingItAgainWithTheSameNamesChangesNothing() {
        fixture.given(TAY_BAC)
                .when(new FormCluster("tay-bac", "Cụm các đô thị vùng Tây Bắc", "Northwest urban cluster", "Tây Bắc",
                        List.of("Cụm các đô thị vùng núi Tây Bắc")))
                .expectNoEvents()
                .expectResultMessagePayload(Outcome.UNCHANGED);
    }

    @Test
    void formingItAgainWithOtherNamesIsAConflict() {
        fixture.given(TAY_BAC)
                .when(new FormCluster("tay-bac", "Cụm các đô thị vùng Tây Nguyên", null, null, null))
                .expectException(refusedWith("cluster-exists"));
    }

    @Test
    void renamingKeepsAliasesAsGiven() {
        fixture.given(TAY_BAC)
                .when(new RenameCluster("tay-bac", "Cụm thi đua các đô thị vùng Tây Bắc", "Northwest urban cluster", "Tây Bắc",
                        List.of("Cụm các đô thị vùng Tây Bắc")))
                .expectEvents(new ClusterRenamed("tay-bac", "Cụm thi đua các đô thị vùng Tây Bắc", "Northwest urban cluster",
                        "Tây Bắc", List.of("Cụm các đô thị vùng Tây Bắc")));
    }

    @Test
    void aBlankNameIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new FormCluster("tay-bac", " ", null, null, null))
                .expectException(refusedWith("blank-name"));
    }
}
