package org.giaoban.competition.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.competition.MembershipFeed.uniqueId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.giaoban.competition.CompetitionServiceTestBase;
import org.giaoban.competition.Ref;
import org.giaoban.contracts.Topics;
import org.giaoban.contracts.membership.ClusterFormed;
import org.giaoban.contracts.membership.MemberAdmitted;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.membership.UrbanAreaRegistered;
import org.giaoban.platform.inbox.ParkedMessages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * {@link Roster#isCurrent()}: true once everything published has been taken in, false while the replica lags behind
 * the topic (opening a round is then refused with {@code roster-not-current}).
 */
class RosterReplicaCurrencyTest extends CompetitionServiceTestBase {

    private static final LocalDate DAY = LocalDate.of(2023, 9, 24);

    @Autowired
    private BindingsLifecycleController bindings;
    @Autowired
    private ParkedMessages parkedMessages;
    @Autowired
    private KafkaProperties kafka;

    private String cluster;
    private String urbanArea;

    @BeforeEach
    void aClusterOfItsOwn() {
        cluster = uniqueId("cum");
        urbanArea = uniqueId("do-thi");
        membership.publishAll(
                new ClusterFormed(cluster, "Cụm thử nghiệm", null, null, List.of()),
                new UrbanAreaRegistered(urbanArea, "Thành phố Thử Nghiệm", "CITY", "Lào Cai", null));
    }

    @Test
    void currentOnceEverythingPublishedHasBeenApplied() {
        membership.publish(new MemberAdmitted(urbanArea, cluster, DAY));

        awaitRosterCurrent();

        // Current means applied, not only read: the admission is on the roster the moment the answer is true.
        assertThat(roster.membersOn(cluster, DAY)).containsExactly(new Ref(urbanArea, "Thành phố Thử Nghiệm"));
    }

    @Test
    void notCurrentWhilePublishedEventsWaitToBeConsumed() {
        awaitRosterCurrent();
        bindings.stop(RosterReplicaConsumer.BINDING);
        try {
            membership.publish(new MemberAdmitted(urbanArea, cluster, DAY));

            // Not a passing moment: it stays false for as long as the message waits.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !roster.isCurrent());
            assertThat(roster.membersOn(cluster, DAY)).isEmpty();
        } finally {
            bindings.start(RosterReplicaConsumer.BINDING);
        }

        awaitRosterCurrent();
        assertThat(roster.membersOn(cluster, DAY)).containsExactly(new Ref(urbanArea, "Thành phố Thử Nghiệm"));
    }

    @Test
    void notCurrentWhileAMessageItCouldNotHandleIsParked() {
        awaitRosterCurrent();
        String parked = membership.publishRaw(MemberAdmitted.class, urbanArea,
                "{\"urbanAreaId\":\"" + urbanArea + "\",\"clusterId\":\"" + cluster + "\",\"effectiveFrom\":\"not a date\"}");
        try (ConsumerGroupProgress progress = new ConsumerGroupProgress(kafka.buildAdminProperties(null))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> parkedCount() > 0
                    && progress.recordsBehind(RosterReplicaConsumer.NAME, MembershipEvents.CATALOG.topic()) == 0);

            // The consumer group has moved past it, but the admission it carried is missing from the replica.
            assertThat(roster.isCurrent()).as("current with %s parked", parked).isFalse();
        } finally {
            discardParkedMessages();
        }

        awaitRosterCurrent();
    }

    private long parkedCount() {
        return parkedMessages.parked().stream()
                .filter(consumer -> consumer.consumer().equals(RosterReplicaConsumer.NAME))
                .mapToLong(ParkedMessages.Parked::parked).sum();
    }

    /**
     * What an operator does with a message that no fix can make readable (see {@link ParkedMessages}): moves the
     * replay group past it, so that it is no longer waiting to be replayed.
     */
    private void discardParkedMessages() {
        String deadLetterTopic = Topics.deadLetter(MembershipEvents.CATALOG.topic(), RosterReplicaConsumer.NAME);
        try (Admin admin = Admin.create(kafka.buildAdminProperties(null))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(deadLetterTopic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(deadLetterTopic).partitions().stream()
                    .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue().offset())));
            admin.alterConsumerGroupOffsets(RosterReplicaConsumer.NAME + ".dlt-replay", ends).all().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not discard the parked messages of " + RosterReplicaConsumer.NAME, e);
        }
    }
}
