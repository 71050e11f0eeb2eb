package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.giaoban.competition.round.Vocabulary.Vote;
import org.junit.jupiter.api.Test;

/** The seal of a secret ballot: it opens only under its motion's key, for its round, motion and voter, and tells nothing by its size. */
class BallotBoxTest {

    private static final String ROUND = "tay-bac-2024";

    private final KeysInMemory keys = new KeysInMemory();
    private final BallotBox box = new BallotBox(keys);

    @Test
    void eachVoteOpensAsItWasSealed() {
        for (Vote vote : Vote.values()) {
            String sealed = box.seal(ROUND, "m1", "son-la", vote);
            assertThat(box.open(ROUND, "m1", Map.of("son-la", sealed))).containsExactly(Map.entry("son-la", vote));
        }
    }

    @Test
    void theMotionsBallotsShareOneKeyMadeAtTheFirst() {
        assertThat(keys.has(ROUND, "m1")).isFalse();
        String sonLa = box.seal(ROUND, "m1", "son-la", Vote.APPROVE);
        assertThat(keys.has(ROUND, "m1")).isTrue();
        String laiChau = box.seal(ROUND, "m1", "lai-chau", Vote.REJECT);

        assertThat(box.open(ROUND, "m1", Map.of("son-la", sonLa, "lai-chau", laiChau)))
                .isEqualTo(Map.of("son-la", Vote.APPROVE, "lai-chau", Vote.REJECT));
    }

    @Test
    void everyVoteSealsToTheSameLengthAndTheSameVoteNeverSealsTheSameTwice() {
        Set<Integer> lengths = new HashSet<>();
        Set<String> seals = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            for (Vote vote : Vote.values()) {
                String sealed = box.seal(ROUND, "m1", "son-la", vote);
                lengths.add(Base64.getDecoder().decode(sealed).length);
                assertThat(seals.add(sealed)).as("a fresh nonce for each seal").isTrue();
                for (Vote any : Vote.values()) {
                    assertThat(sealed).doesNotContain(any.name());
                }
            }
        }
        // version, 96-bit nonce, 8 bytes of vote, 128-bit tag
        assertThat(lengths).containsExactly(1 + 12 + 8 + 16);
    }

    @Test
    void aSealMovedToAnotherVoterMotionOrRoundDoesNotOpen() {
        String sonLa = box.seal(ROUND, "m1", "son-la", Vote.APPROVE);
        box.seal(ROUND, "m2", "son-la", Vote.REJECT);
        box.seal("tay-bac-2025", "m1", "son-la", Vote.REJECT);

        assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("lai-chau", sonLa)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lai-chau").hasMessageNotContaining("APPROVE");
        assertThatThrownBy(() -> box.open(ROUND, "m2", Map.of("son-la", sonLa))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("tay-bac-2025", "m1", Map.of("son-la", sonLa))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealOpensOnlyUnderItsOwnKeyEvenForItsOwnVoter() {
        String sonLa = box.seal(ROUND, "m1", "son-la", Vote.APPROVE);
        keys.replace(ROUND, "m1");

        assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("son-la", sonLa))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anyChangedByteIsRefused() {
        byte[] sealed = Base64.getDecoder().decode(box.seal(ROUND, "m1", "son-la", Vote.ABSTAIN));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            String changed = Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("son-la", changed))).as("byte %d changed", i)
                    .isInstanceOf(IllegalStateException.class);
        }
        for (String malformed : List.of("", "AQ==", "not base64!")) {
            assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("son-la", malformed))).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onceShreddedNoBallotOfTheMotionOpensAgain() {
        String sonLa = box.seal(ROUND, "m1", "son-la", Vote.APPROVE);
        String other = box.seal(ROUND, "m2", "son-la", Vote.REJECT);

        box.shred(ROUND, "m1");

        assertThat(keys.has(ROUND, "m1")).isFalse();
        assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("son-la", sonLa)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gone");
        // Sealing again would make a new key, under which the old seal does not open either.
        box.seal(ROUND, "m1", "lai-chau", Vote.ABSTAIN);
        assertThatThrownBy(() -> box.open(ROUND, "m1", Map.of("son-la", sonLa))).isInstanceOf(IllegalStateException.class);
        // Other motions keep theirs.
        assertThat(box.open(ROUND, "m2", Map.of("son-la", other))).containsEntry("son-la", Vote.REJECT);
    }

    @Test
    void openingNoBallotNeedsNoKey() {
        assertThat(box.open(ROUND, "m9", Map.of())).isEmpty();
        assertThat(keys.has(ROUND, "m9")).isFalse();
    }
}
