package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.news.drafting.EventFeed.uniqueId;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.giaoban.news.names.NameReplicaConsumer;
import org.giaoban.news.names.Names;

/** The names of clusters and urban areas, as of their latest change, from {@code membership.events.v1}. */
class NameReplicaTest extends DraftingTestBase {

    @Autowired
    private Names names;

    @Test
    void aClusterIsNamedAsFormedThenAsRenamed() {
        String cluster = uniqueId("cum");
        feed.membership(new ClusterFormed(cluster, "Cụm các đô thị vùng Tây Bắc", "Northwest urban cluster", "Tây Bắc",
                List.of("Cụm các đô thị vùng núi Tây Bắc")));

        await().atMost(PATIENCE).until(() -> names.clusterName(cluster), Optional::isPresent);
        assertThat(names.clusterName(cluster)).contains("Cụm các đô thị vùng Tây Bắc");

        feed.membership(new ClusterRenamed(cluster, "Cụm thi đua các đô thị vùng Tây Bắc", null, "Tây Bắc", List.of()));

        await().atMost(PATIENCE).until(() -> names.clusterName(cluster),
                name -> name.equals(Optional.of("Cụm thi đua các đô thị vùng Tây Bắc")));
    }

    @Test
    void anUrbanAreaIsNamedAsRegisteredThenByItsLatestReorganisation() {
        String urbanArea = uniqueId("do-thi");
        String other = uniqueId("do-thi");
        feed.membership(new UrbanAreaRegistered(urbanArea, "Thị xã Sa Pa", "TOWN", "Lào Cai", null));
        feed.membership(new UrbanAreaRegistered(other, "Thành phố Lai Châu", "CITY", "Lai Châu", "III"));

        await().atMost(PATIENCE).until(() -> names.urbanAreaNames(List.of(urbanArea, "unknown-id", other)),
                found -> found.equals(Map.of(urbanArea, "Thị xã Sa Pa", other, "Thành phố Lai Châu")));
        assertThat(names.urbanAreaNames(List.of(other, urbanArea)).keySet()).containsExactly(other, urbanArea);
        assertThat(names.urbanAreaName("unknown-id")).isEmpty();

        feed.membership(reorganised(urbanArea, LocalDate.of(2025, 7, 1), "Phường Sa Pa"));
        await().atMost(PATIENCE).until(() -> names.urbanAreaName(urbanArea), name -> name.equals(Optional.of("Phường Sa Pa")));

        // Recorded late, in force earlier: not the latest change.
        String backDated = feed.membership(reorganised(urbanArea, LocalDate.of(2019, 1, 1), "Thị xã Sa Pa (cũ)"));
        // A membership record is no concern of the names: ignored, never recorded.
        String admitted = feed.membership(new MemberAdmitted(urbanArea, "tay-bac", LocalDate.of(2020, 1, 1)));
        awaitHandled(NameReplicaConsumer.NAME, backDated);

        assertThat(names.urbanAreaName(urbanArea)).contains("Phường Sa Pa");
        assertThat(handled(NameReplicaConsumer.NAME, admitted)).isFalse();
    }

    @Test
    void namesAreStoredInNfc() {
        String urbanArea = uniqueId("do-thi");
        String decomposed = java.text.Normalizer.normalize("Thành phố Hòa Bình", java.text.Normalizer.Form.NFD);
        feed.membership(new UrbanAreaRegistered(urbanArea, decomposed, "CITY", "Hòa Bình", null));

        await().atMost(PATIENCE).until(() -> names.urbanAreaName(urbanArea), Optional::isPresent);
        assertThat(names.urbanAreaName(urbanArea)).contains("Thành phố Hòa Bình");
    }

    private static UrbanAreaReorganised reorganised(String urbanArea, LocalDate from, String name) {
        return new UrbanAreaReorganised(urbanArea, "tay-bac", from, name, "WARD", "Lào Cai", null, List.of(),
                "Sắp xếp đơn vị hành chính (ví dụ)");
    }
}
