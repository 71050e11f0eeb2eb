package org.giaoban.membership.cluster;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.giaoban.membership.cluster.ClusterMessages.ClusterFormed;
import org.giaoban.membership.cluster.ClusterMessages.ClusterRenamed;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The clusters read model: each cluster with its names as they are now. */
@Component
@ProcessingGroup(ClusterProjection.NAME)
public class ClusterProjection {

    public static final String NAME = "clusters";

    private final JdbcClient jdbc;

    public ClusterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ClusterView(String id, String name, String nameEn, String region, List<String> aliases, Instant formedAt) {
    }

    @EventHandler
    void on(ClusterFormed event, @Timestamp Instant at) {
        jdbc.sql("""
                        INSERT INTO cluster (cluster_id, name, name_en, region, aliases, formed_at, changed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.clusterId(), event.name(), event.nameEn(), event.region(),
                        event.aliases().toArray(String[]::new), java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
                .update();
    }

    @EventHandler
    void on(ClusterRenamed event, @Timestamp Instant at) {
        jdbc.sql("UPDATE cluster SET name = ?, name_en = ?, region = ?, aliases = ?, changed_at = ? WHERE cluster_id = ?")
                .params(event.name(), event.nameEn(), event.region(), event.aliases().toArray(String[]::new),
                        java.sql.Timestamp.from(at), event.clusterId())
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE cluster").update();
    }

    public Optional<ClusterView> find(String clusterId) {
        return jdbc.sql("SELECT * FROM cluster WHERE cluster_id = ?").param(clusterId).query(ClusterProjection::view).optional();
    }

    /**
     * All clusters in Vietnamese order of names; with {@code q}, those whose name or an alias contains it, with or
     * without diacritics and in either tone-mark placement.
     */
    public List<ClusterView> list(String q) {
        String folded = q == null || q.isBlank() ? null : VietnameseText.fold(q);
        return jdbc.sql("SELECT * FROM cluster").query(ClusterProjection::view).list().stream()
                .filter(c -> folded == null || VietnameseText.fold(c.name()).contains(folded)
                        || c.aliases().stream().anyMatch(alias -> VietnameseText.fold(alias).contains(folded))
                        || c.id().contains(folded))
                .sorted(Comparator.comparing(ClusterView::name, VietnameseText.order()))
                .toList();
    }

    private static ClusterView view(ResultSet row, int index) throws SQLException {
        Array aliases = row.getArray("aliases");
        return new ClusterView(row.getString("cluster_id"), row.getString("name"), row.getString("name_en"),
                row.getString("region"), Arrays.asList((String[]) aliases.getArray()),
                row.getTimestamp("formed_at").toInstant());
    }
}
