package org.giaoban.competition.roster;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.giaoban.competition.Ref;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.platform.inbox.ParkedMessages;
import org.giaoban.platform.text.VietnameseText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@link Roster} answered from the competition service's replica of the membership registry, which
 * {@link RosterReplicaConsumer} keeps from {@code membership.events.v1} (tables of {@code V100__roster_replica.sql}).
 *
 * <h2>Membership on a day</h2>
 * Periods are half-open (DOMAIN rule 10): a member from its admission date, inclusive, until the first day out. On a
 * day D an urban area is a member of cluster C iff its latest non-retracted record with an effective date on or before
 * D is an admission to C, where "latest" orders by effective date, then a way in after a way out on the same date (so
 * that leaving one cluster and joining another on one day is a clean transfer), then by recording order (the Kafka
 * offset: one urban area's records share a partition). The membership service refuses overlapping periods, so this is
 * the same answer its {@code MembershipTimeline} gives. Records recorded late (back-dated) or ahead (future-dated)
 * simply take their place by date; a retracted record is ignored but kept.
 *
 * <h2>Names</h2>
 * An urban area is named on a day by its latest reorganisation in force that day, else by its registration. Should a
 * member's registration be missing (its message parked), the member is still listed, under its id.
 */
@Component
public class RosterReplica implements Roster, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RosterReplica.class);

    /** The name in force on {@code :day}: the latest dated one up to that day, else the registration's (no date). */
    private static final String NAME_ON_DAY = """
                SELECT n.name FROM roster_replica_urban_area_name n
                WHERE n.urban_area_id = %s AND (n.effective_from IS NULL OR n.effective_from <= :day)
                ORDER BY n.effective_from DESC NULLS LAST, n.kafka_offset DESC
                LIMIT 1""";

    private static final String MEMBERS_ON = """
            WITH latest AS (
                -- Each urban area that ever had a record naming the cluster, with its latest record in force that day.
                SELECT DISTINCT ON (r.urban_area_id) r.urban_area_id, r.move, r.cluster_id
                FROM roster_replica_membership_record r
                WHERE NOT r.retracted
                  AND r.effective_from <= :day
                  AND r.urban_area_id IN (SELECT urban_area_id FROM roster_replica_membership_record
                                          WHERE cluster_id = :clusterId)
                ORDER BY r.urban_area_id, r.effective_from DESC, (r.move = 'ADMISSION') DESC, r.kafka_offset DESC
            )
            SELECT latest.urban_area_id, named.name
            FROM latest
            LEFT JOIN LATERAL (""" + NAME_ON_DAY.formatted("latest.urban_area_id") + """
            ) named ON TRUE
            WHERE latest.move = 'ADMISSION' AND latest.cluster_id = :clusterId""";

    private final JdbcClient jdbc;
    private final ParkedMessages parkedMessages;
    private final ConsumerGroupProgress progress;

    public RosterReplica(JdbcClient jdbc, KafkaProperties kafka, ParkedMessages parkedMessages) {
        this.jdbc = jdbc;
        this.parkedMessages = parkedMessages;
        this.progress = new ConsumerGroupProgress(kafka.buildAdminProperties(null));
    }

    @Override
    public List<Ref> membersOn(String clusterId, LocalDate day) {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(day, "day");
        return jdbc.sql(MEMBERS_ON)
                .param("clusterId", clusterId)
                .param("day", Date.valueOf(day))
                .query((row, i) -> {
                    String id = row.getString("urban_area_id");
                    String name = row.getString("name");
                    return new Ref(id, name == null ? id : name);
                })
                .list()
                .stream()
                .sorted(Comparator.comparing(Ref::name, VietnameseText.order()).thenComparing(Ref::id))
                .toList();
    }

    @Override
    public Optional<String> clusterName(String clusterId) {
        return jdbc.sql("SELECT name FROM roster_replica_cluster WHERE cluster_id = :clusterId")
                .param("clusterId", clusterId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<String> urbanAreaName(String urbanAreaId, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return jdbc.sql(NAME_ON_DAY.formatted(":urbanAreaId"))
                .param("urbanAreaId", urbanAreaId)
                .param("day", Date.valueOf(day))
                .query(String.class)
                .optional();
    }

    /**
     * Whether the replica has taken in everything published on {@code membership.events.v1} so far: the consumer group
     * {@value RosterReplicaConsumer#NAME} has committed the end offset of every partition (a topic that does not exist
     * or has no records counts as taken in; a partition with records and no committed offset does not), and nothing
     * it failed to handle waits on its dead-letter topic.
     *
     * <p>Why: a round's participants are the cluster's members on its roster date, fixed when the round is opened and
     * kept for the whole round (DOMAIN rule 1). A replica that lags behind the topic could leave out a member admitted
     * or include one withdrawn or retracted moments ago, and the mistake would stay with the round; so opening a round
     * is refused with {@code roster-not-current} while this is false. Hence nothing here is remembered between calls:
     * the broker is asked each time, and when it cannot answer the replica counts as not current.
     *
     * <p>The consumer commits an offset only after the message's effect is committed in the database (or after the
     * message was parked), so "current" means every message up to the end offsets read at this call has been applied.
     */
    @Override
    public boolean isCurrent() {
        String topic = MembershipEvents.CATALOG.topic();
        try {
            long behind = progress.recordsBehind(RosterReplicaConsumer.NAME, topic);
            if (behind > 0) {
                log.debug("The roster replica is {} message(s) behind {}", behind, topic);
                return false;
            }
            long parked = parkedMessages.parked().stream()
                    .filter(consumer -> consumer.consumer().equals(RosterReplicaConsumer.NAME))
                    .mapToLong(ParkedMessages.Parked::parked)
                    .sum();
            if (parked > 0) {
                log.warn("The roster replica is not current: {} message(s) of {} are parked on its dead-letter topic; "
                        + "replay them once their cause is fixed", parked, topic);
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Cannot tell whether the roster replica is current, so it is taken as behind: {}", e.toString());
            return false;
        }
    }

    @Override
    public void destroy() {
        progress.close();
    }
}
