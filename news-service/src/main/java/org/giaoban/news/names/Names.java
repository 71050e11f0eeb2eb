package org.giaoban.news.names;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The names of clusters and urban areas as of their latest change, from the service's copy of the membership topic
 * ({@link NameReplicaConsumer}): for pages that show an article's clusters and urban areas as links by name. Empty
 * for an id the membership service has not published (yet): show the id, or leave the link out.
 */
@Component
public class Names {

    private final JdbcClient jdbc;

    Names(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** "Cụm các đô thị vùng Tây Bắc" for {@code tay-bac}. */
    public Optional<String> clusterName(String clusterId) {
        return jdbc.sql("SELECT name FROM news_cluster_name WHERE id = ?").param(clusterId).query(String.class).optional();
    }

    /** "Thị xã Sa Pa" for {@code sa-pa}. */
    public Optional<String> urbanAreaName(String urbanAreaId) {
        return jdbc.sql("SELECT name FROM news_urban_area_name WHERE id = ?").param(urbanAreaId).query(String.class).optional();
    }

    /** The known names of these clusters, in the order asked; unknown ids are left out. */
    public Map<String, String> clusterNames(Collection<String> clusterIds) {
        return names("news_cluster_name", clusterIds);
    }

    /** The known names of these urban areas, in the order asked; unknown ids are left out. */
    public Map<String, String> urbanAreaNames(Collection<String> urbanAreaIds) {
        return names("news_urban_area_name", urbanAreaIds);
    }

    private Map<String, String> names(String table, Collection<String> ids) {
        List<String> asked = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).distinct().toList();
        if (asked.isEmpty()) {
            return Map.of();
        }
        Map<String, String> found = jdbc.sql("SELECT id, name FROM " + table + " WHERE id IN (:ids)").param("ids", asked)
                .query((rs, row) -> Map.entry(rs.getString("id"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<String, String> names = new LinkedHashMap<>();
        asked.stream().filter(found::containsKey).forEach(id -> names.put(id, found.get(id)));
        return names;
    }
}
