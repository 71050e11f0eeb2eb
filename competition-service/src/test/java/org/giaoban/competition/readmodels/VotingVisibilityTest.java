package org.giaoban.competition.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.competition.Ref;
import org.giaoban.competition.round.RoundCommands.CastBallot;
import org.giaoban.competition.round.Rules;
import org.giaoban.competition.round.Vocabulary.Award;
import org.giaoban.competition.round.Vocabulary.MotionKind;
import org.giaoban.competition.round.Vocabulary.MotionState;
import org.giaoban.competition.round.Vocabulary.RecordedBy;
import org.giaoban.competition.round.Vocabulary.Vote;
import org.giaoban.competition.round.Vocabulary.VoteMethod;
import org.junit.jupiter.api.Test;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;

/**
 * Rule 2 in the read models. In an OPEN round the room sees the tally and each ballot while a motion is open. In a
 * SECRET round, while a motion is open only the number of ballots shows; the tally shows once it is closed; who voted
 * how shows nowhere, ever, and is not even stored by the projection.
 */
class VotingVisibilityTest extends ReadModelsTestBase {

    private static final List<Ref> SIX = List.of(LAO_CAI, SON_LA, YEN_BAI, NGHIA_LO, LAI_CHAU, DIEN_BIEN_PHU);
    private static final List<String> PER_VOTER_WORDS = List.of("APPROVE", "REJECT", "ABSTAIN", "recordedBy", "DELEGATE",
            "COORDINATOR", "\"votes\":[");

    @Test
    void aSecretRoundShowsOnlyHowManyBallotsAreInUntilTheMotionCloses() {
        Ref cluster = new Ref(uniqueClusterId("tay-bac-kin"), NORTHWEST_NAME);
        Rules secret = new Rules("Nghị định 98/2023/NĐ-CP", VoteMethod.SECRET, new BigDecimal("0.7"), null, false, List.of());
        String roundId = plan(cluster, 2024, THEME_2024, LAO_CAI, SON_LA, LocalDate.of(2024, 10, 5), "Thành phố Lào Cai", null, secret);
        open(roundId, LocalDate.of(2024, 10, 5), SIX);
        String motionId = nominate(roundId, YEN_BAI, Award.MINISTRY_MERIT);
        vote(roundId, motionId, SIX, 4, 1, 0, RecordedBy.DELEGATE);
        // Lào Cai changes its mind: still one ballot of its own.
        commands.sendAndWait(new CastBallot(roundId, motionId, LAO_CAI.id(), Vote.ABSTAIN, RecordedBy.DELEGATE));

        Http.Response before = readRaw("/api/competition/rounds/" + roundId);
        JsonNode open = before.json().path("motions").get(0);
        assertThat(open.path("state").asText()).isEqualTo("OPEN");
        assertThat(open.path("ballots").asInt()).isEqualTo(5);
        assertThat(open.path("tally").isNull()).as("no tally while a secret motion is open").isTrue();
        assertThat(open.path("votes").isNull()).isTrue();
        assertNoVoterShowsHowItVoted(before.body());
        assertNoVoterShowsHowItVoted(readRaw("/api/competition/hosts?clusterId=" + cluster.id()).body());
        assertNoVoterShowsHowItVoted(readRaw(http.as(TestTokens.analyst()), "/api/competition/rounds/" + roundId + "/ranking").body());
        assertTheProjectionKeepsNoVote(roundId, 5);

        // 3 approvals of 6 participants at 0.7: 3 ≤ 4.2, not carried.
        assertThat(close(roundId, motionId)).isEqualTo(MotionState.NOT_CARRIED);

        Http.Response after = readRaw("/api/competition/rounds/" + roundId);
        JsonNode closed = after.json().path("motions").get(0);
        assertThat(closed.path("state").asText()).isEqualTo("NOT_CARRIED");
        assertThat(closed.path("reason").asText()).isEqualTo("below-threshold");
        assertThat(closed.path("ballots").asInt()).isEqualTo(5);
        assertThat(closed.path("tally").path("approvals").asInt()).isEqualTo(3);
        assertThat(closed.path("tally").path("rejections").asInt()).isEqualTo(1);
        assertThat(closed.path("tally").path("abstentions").asInt()).isEqualTo(1);
        assertThat(closed.path("votes").isNull()).isTrue();
        assertNoVoterShowsHowItVoted(after.body());
        assertTheProjectionKeepsNoVote(roundId, 5);

        // 5 of 6 at 0.7: 5 > 4.2, carried; the selection's tally shows in hosts, once decided.
        String host = table(roundId, MotionKind.NEXT_HOST, NGHIA_LO, null, null);
        vote(roundId, host, SIX, 5, 0, 1, RecordedBy.DELEGATE);
        assertThat(readRaw("/api/competition/rounds/" + roundId).json().path("motions").get(1).path("tally").isNull()).isTrue();
        assertThat(close(roundId, host)).isEqualTo(MotionState.CARRIED);
        JsonNode candidate = read("/api/competition/hosts?clusterId=" + cluster.id()).path("items").get(0)
                .path("nextHostCandidates").get(0);
        assertThat(candidate.path("approvals").asInt()).isEqualTo(5);
        assertThat(candidate.path("abstentions").asInt()).isEqualTo(1);
        assertThat(candidate.path("outcome").asText()).isEqualTo("CARRIED");
        assertNoVoterShowsHowItVoted(readRaw("/api/competition/rounds/" + roundId).body());
        assertNoVoterShowsHowItVoted(readRaw("/api/competition/hosts?clusterId=" + cluster.id()).body());
    }

    @Test
    void anOpenRoundShowsTheTallyAndEachBallotWhileTheMotionIsOpen() {
        Ref cluster = new Ref(uniqueClusterId("tay-bac-mo"), NORTHWEST_NAME);
        String roundId = plan(cluster, 2024, THEME_2024, LAO_CAI, SON_LA, LocalDate.of(2024, 10, 5), null, null, null);
        open(roundId, LocalDate.of(2024, 10, 5), SIX);
        String motionId = nominate(roundId, YEN_BAI, Award.ASSOCIATION_COMMENDATION);
        // Lào Cai and Sơn La by the show of hands the coordinator records, Yên Bái by its delegate.
        vote(roundId, motionId, SIX, 2, 0, 0, RecordedBy.COORDINATOR);
        commands.sendAndWait(new CastBallot(roundId, motionId, YEN_BAI.id(), Vote.REJECT, RecordedBy.DELEGATE));

        JsonNode motion = read("/api/competition/rounds/" + roundId).path("motions").get(0);
        assertThat(motion.path("state").asText()).isEqualTo("OPEN");
        assertThat(motion.path("ballots").asInt()).isEqualTo(3);
        assertThat(motion.path("tally").path("approvals").asInt()).isEqualTo(2);
        assertThat(motion.path("tally").path("rejections").asInt()).isEqualTo(1);
        assertThat(motion.path("outcome").isNull()).isTrue();
        // Each ballot, participants in Vietnamese order of names (Lào Cai, Sơn La, Yên Bái).
        assertThat(texts(motion.path("votes"), "urbanAreaId")).containsExactly("lao-cai", "son-la", "yen-bai");
        assertThat(texts(motion.path("votes"), "vote")).containsExactly("APPROVE", "APPROVE", "REJECT");
        assertThat(texts(motion.path("votes"), "recordedBy")).containsExactly("COORDINATOR", "COORDINATOR", "DELEGATE");

        // A replaced ballot counts once, with its new vote.
        commands.sendAndWait(new CastBallot(roundId, motionId, SON_LA.id(), Vote.REJECT, RecordedBy.DELEGATE));
        JsonNode replaced = read("/api/competition/rounds/" + roundId).path("motions").get(0);
        assertThat(replaced.path("ballots").asInt()).isEqualTo(3);
        assertThat(replaced.path("tally").path("approvals").asInt()).isEqualTo(1);
        assertThat(replaced.path("tally").path("rejections").asInt()).isEqualTo(2);
        assertThat(texts(replaced.path("votes"), "recordedBy")).containsExactly("COORDINATOR", "DELEGATE", "DELEGATE");
    }

    private Http.Response readRaw(String path) {
        return readRaw(http, path);
    }

    private Http.Response readRaw(Http who, String path) {
        awaitProjectionsCaughtUp();
        Http.Response response = who.get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private static void assertNoVoterShowsHowItVoted(String body) {
        String compact = body.replace(" ", "");
        for (String word : PER_VOTER_WORDS) {
            assertThat(compact).as("a secret round's JSON must not contain " + word).doesNotContain(word);
        }
    }

    /** Which participants have a ballot in, and nothing more. */
    private void assertTheProjectionKeepsNoVote(String roundId, int ballots) {
        assertThat(jdbc.sql("SELECT count(*) FROM round_ballot WHERE round_id = ?").param(roundId).query(Integer.class).single())
                .isEqualTo(ballots);
        assertThat(jdbc.sql("SELECT count(*) FROM round_ballot WHERE round_id = ? AND (vote IS NOT NULL OR recorded_by IS NOT NULL)")
                .param(roundId).query(Integer.class).single()).isZero();
    }
}
