package org.giaoban.news.names;

import java.time.LocalDate;

import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.ClusterRenamed;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.contracts.membership.UrbanAreaReorganised;
import org.giaoban.platform.inbox.Envelope;
import org.giaoban.platform.text.VietnameseText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the name replica ({@code db/migration/V103__drafting.sql}) from membership's integration events, inside the
 * inbox's transaction of each message ({@link NameReplicaConsumer}). A name replaces the stored one only if its change
 * comes later: for clusters by Kafka offset, for urban areas by effective date, then offset. So the replica ends the
 * same whatever order late or replayed messages arrive in.
 */
@Component
class NameReplica {

    private static final String CLUSTER = """
            INSERT INTO news_cluster_name AS current (id, name, kafka_offset) VALUES (:id, :name, :offset)
            ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kafka_offset = EXCLUDED.kafka_offset
            WHERE COALESCE(EXCLUDED.kafka_offset, -1) >= COALESCE(current.kafka_offset, -1)""";

    private static final String URBAN_AREA = """
            INSERT INTO news_urban_area_name AS current (id, name, named_from, kafka_offset)
            VALUES (:id, :name, :namedFrom, :offset)
            ON CONFLICT (id) DO UPDATE
            SET name = EXCLUDED.name, named_from = EXCLUDED.named_from, kafka_offset = EXCLUDED.kafka_offset
            WHERE (COALESCE(EXCLUDED.named_from, '-infinity'::date), COALESCE(EXCLUDED.kafka_offset, -1))
               >= (COALESCE(current.named_from, '-infinity'::date), COALESCE(current.kafka_offset, -1))""";

    private final JdbcClient jdbc;

    NameReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void on(ClusterFormed event, Envelope envelope) {
        cluster(event.clusterId(), event.name(), envelope);
    }

    void on(ClusterRenamed event, Envelope envelope) {
        cluster(event.clusterId(), event.name(), envelope);
    }

    void on(UrbanAreaRegistered event, Envelope envelope) {
        urbanArea(event.urbanAreaId(), event.name(), null, envelope);
    }

    /** The resulting name from the day it takes effect (a reorganisation carries the name whether changed or not). */
    void on(UrbanAreaReorganised event, Envelope envelope) {
        urbanArea(event.urbanAreaId(), event.name(), event.effectiveFrom(), envelope);
    }

    private void cluster(String id, String name, Envelope envelope) {
        String clean = VietnameseText.clean(name);
        if (id == null || clean == null || clean.isEmpty()) {
            return;
        }
        jdbc.sql(CLUSTER).param("id", id).param("name", clean).param("offset", envelope.offset()).update();
    }

    private void urbanArea(String id, String name, LocalDate namedFrom, Envelope envelope) {
        String clean = VietnameseText.clean(name);
        if (id == null || clean == null || clean.isEmpty()) {
            return;
        }
        jdbc.sql(URBAN_AREA).param("id", id).param("name", clean).param("namedFrom", namedFrom)
                .param("offset", envelope.offset()).update();
    }
}
