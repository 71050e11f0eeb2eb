package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.giaoban.testsupport.TopicReader.header;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.giaoban.competition.RoundTestSupport;
import org.giaoban.contracts.Topics;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A SECRET round with threshold 0.7 over 6 participants: 4 approvals do not carry, 5 do; no answer, no message and
 * no log line tells how any participant voted.
 */
class SecretRoundTest extends RoundTestSupport {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    @Test
    void fourOfSixDoNotCarryAtPointSevenFiveDoAndNoVoteIsRevealed() {
        TestCluster cluster = givenACluster(6);
        List<String> six = cluster.members();
        String round = givenAnOpenRound(cluster, "{\"voteMethod\":\"SECRET\",\"approvalThreshold\":0.7}");
        String smart = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị thông minh\"}");
        String green = tabled(round, "{\"kind\":\"NEXT_THEME\",\"theme\":\"Đô thị xanh\"}");

        for (int i = 0; i < 6; i++) {
            Http.Response first = vote(round, smart, six.get(i), i < 4 ? "APPROVE" : "REJECT");
            Http.Response second = vote(round, green, six.get(i), i < 5 ? "APPROVE" : "ABSTAIN");
            for (Http.Response answer : List.of(first, second)) {
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).doesNotContain("APPROVE", "REJECT", "ABSTAIN");
            }
        }
        // The coordinator's show of hands is recorded as COORDINATOR (its token says so), which a secret round refuses.
        Http.Response showOfHands = coordinatorOfRound(round).put("/api/competition/rounds/" + round + "/motions/" + green
                + "/ballots/" + six.get(0), "{\"vote\":\"REJECT\"}");
        assertThat(showOfHands.status()).as(showOfHands.body()).isEqualTo(409);
        assertThat(showOfHands.code()).isEqualTo("secret-ballot");

        assertThat(close(round, smart).json().path("state").asText()).as("4 ≤ 0.7 × 6").isEqualTo("NOT_CARRIED");
        assertThat(close(round, green).json().path("state").asText()).as("5 > 4.2").isEqualTo("CARRIED");

        try (TopicReader topic = new TopicReader(Topics.COMPETITION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.poll().stream()
                    .filter(r -> round.equals(r.key()) && header(r, "ce_type").endsWith("MotionDecided.v1")).count() == 2);
            List<ConsumerRecord<String, byte[]>> ours = topic.poll().stream().filter(r -> round.equals(r.key())).toList();
            assertThat(ours).extracting(r -> header(r, "ce_type")).noneMatch(type -> type.contains("BallotCast"));
            assertThat(ours).extracting(TopicReader::value).filteredOn(v -> v.contains("\"motionId\":\"" + smart + "\"")
                    && v.contains("\"outcome\"")).singleElement().asString()
                    .contains("\"approvals\":4", "\"rejections\":2", "\"outcome\":\"NOT_CARRIED\"");
            assertThat(ours).extracting(TopicReader::value).noneMatch(v -> v.contains("\"vote\""));
        }
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(line -> line.contains("APPROVE") || line.contains("REJECT") || line.contains("ABSTAIN"));
    }
}
