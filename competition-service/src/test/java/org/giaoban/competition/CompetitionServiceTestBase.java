package org.giaoban.competition;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.giaoban.competition.roster.Roster;
import org.giaoban.testsupport.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The competition service running for real: its own PostgreSQL database, a real Kafka broker, HTTP on a random port.
 * All test classes share one application context (one database, one consumer of {@code membership.events.v1}): do
 * not add {@code @MockBean}s or properties in a subclass, which would start a second context whose consumer shares
 * the consumer group {@code competition-rosters} (and so the partitions) with the first.
 *
 * <p>{@link #membership} publishes membership events as the membership service would; {@link #awaitRosterCurrent()}
 * waits until the roster replica has taken in everything published so far.
 */
@ServiceTest
public abstract class CompetitionServiceTestBase {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected Roster roster;
    @Autowired
    private KafkaProperties kafkaProperties;
    @Autowired
    private ObjectMapper objectMapper;

    protected MembershipFeed membership;

    @BeforeEach
    void openMembershipFeed() {
        membership();
    }

    /** The feed, opened on first use (also from a {@code @BeforeAll} of a per-class test). */
    protected MembershipFeed membership() {
        if (membership == null) {
            membership = new MembershipFeed(kafkaProperties, objectMapper);
        }
        return membership;
    }

    @AfterEach
    void closeMembershipFeed() {
        if (membership != null) {
            membership.close();
            membership = null;
        }
    }

    /** Publishes the Northwest cluster of 2023 (idempotent) and waits until the replica has it. */
    protected void givenTheNorthwestCluster() {
        membership.publishNorthwest2023();
        awaitRosterCurrent();
    }

    /** Waits until the roster replica has taken in everything published on {@code membership.events.v1} so far. */
    protected void awaitRosterCurrent() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(roster::isCurrent);
    }
}
