package org.giaoban.competition.round;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.giaoban.competition.round.Vocabulary.Vote;
import org.springframework.stereotype.Component;

/**
 * The ballot box of SECRET rounds (rule 2: no event reveals who voted how). A delegate's vote is sealed with AES-256-GCM
 * under a key of its motion, kept outside the event store ({@link MotionKeys}); the motion is counted by opening the
 * seals, and its key is then destroyed with the decision (crypto-shredding): the sealed ballots stay in the store,
 * tied to their voters, but nothing can open them any more, and the round and its read models rebuild from the
 * recorded tally alone.
 *
 * <p>A seal is {@code base64(version ‖ nonce ‖ ciphertext ‖ tag)}: a random 96-bit nonce, a plaintext of fixed length
 * (so that every vote seals to the same length), and the round, motion and voter as associated data, so that a seal
 * moved to another voter or motion does not open.
 */
@Component
public class BallotBox {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Every vote's name, padded with zero bytes to this length: APPROVE, REJECT and ABSTAIN seal alike. */
    private static final int PLAINTEXT_BYTES = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MotionKeys keys;

    public BallotBox(MotionKeys keys) {
        this.keys = keys;
    }

    /** The voter's vote on the motion, sealed under the motion's key (made now if this is its first ballot). */
    public String seal(String roundId, String motionId, String urbanAreaId, Vote vote) {
        byte[] key = keys.keyOf(roundId, motionId);
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce, roundId, motionId, urbanAreaId).doFinal(plaintext(vote));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A ballot on " + motionId + " of " + roundId + " could not be sealed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The votes behind the sealed ballots of a motion, by voter: only to count them. Refused (an internal error, no
     * vote told) when the motion's key is gone or a seal does not open under it.
     */
    public Map<String, Vote> open(String roundId, String motionId, Map<String, String> sealedByVoter) {
        Map<String, Vote> votes = new HashMap<>();
        if (sealedByVoter.isEmpty()) {
            return votes;
        }
        byte[] key = keys.existingKey(roundId, motionId).orElseThrow(() -> new IllegalStateException(
                "The ballot key of " + motionId + " of " + roundId + " is gone: its sealed ballots cannot be counted"));
        try {
            sealedByVoter.forEach((voter, sealed) -> votes.put(voter, open(key, roundId, motionId, voter, sealed)));
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        return votes;
    }

    /** Destroys the motion's key: from now on none of its sealed ballots opens, anywhere. */
    public void shred(String roundId, String motionId) {
        keys.destroy(roundId, motionId);
    }

    private static Vote open(byte[] key, String roundId, String motionId, String voter, String sealed) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(sealed));
            if (in.remaining() < 1 + NONCE_BYTES || in.get() != VERSION) {
                throw new GeneralSecurityException("not a sealed ballot of version " + VERSION);
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] ciphertext = new byte[in.remaining()];
            in.get(ciphertext);
            return vote(cipher(Cipher.DECRYPT_MODE, key, nonce, roundId, motionId, voter).doFinal(ciphertext));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message names the ballot, never a vote; the cause says only that the tag did not match.
            throw new IllegalStateException("The sealed ballot of " + voter + " on " + motionId + " of " + roundId
                    + " does not open under its motion's key", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String roundId, String motionId, String voter)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData(roundId, motionId, voter));
        return cipher;
    }

    /** What a seal is bound to: its format, round, motion and voter (ids never contain a zero byte). */
    static byte[] associatedData(String roundId, String motionId, String voter) {
        return String.join("\u0000", "giaoban secret ballot v" + VERSION, roundId, motionId, voter).getBytes(UTF_8);
    }

    private static byte[] plaintext(Vote vote) {
        byte[] name = vote.name().getBytes(US_ASCII);
        if (name.length > PLAINTEXT_BYTES) {
            throw new IllegalStateException("The vote names must fit in " + PLAINTEXT_BYTES + " bytes");
        }
        return Arrays.copyOf(name, PLAINTEXT_BYTES);
    }

    private static Vote vote(byte[] plaintext) throws GeneralSecurityException {
        int length = 0;
        while (length < plaintext.length && plaintext[length] != 0) {
            length++;
        }
        try {
            return Vote.valueOf(new String(plaintext, 0, length, US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("no vote inside the seal");
        }
    }
}
