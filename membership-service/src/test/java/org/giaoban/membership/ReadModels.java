package org.giaoban.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The membership service's read-model tables, and their rows as text, to compare before and after a rebuild. */
public final class ReadModels {

    public static final List<String> TABLES = List.of("cluster", "membership_record", "membership_period",
            "urban_area", "urban_area_change", "urban_area_history");

    private ReadModels() {
    }

    /** Every row of every table, in a stable order (rows equal in their first two columns sorted by their text). */
    public static Map<String, List<String>> rows(JdbcClient jdbc) {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows().stream()
                    .map(Object::toString).sorted().toList());
        }
        return tables;
    }
}
