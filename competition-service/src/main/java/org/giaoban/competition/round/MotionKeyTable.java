package org.giaoban.competition.round;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

import javax.crypto.KeyGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The keys of open SECRET motions in the table {@code ballot_key} (V102), written in the transaction of the command
 * that casts the motion's first ballot and deleted in the one that decides or withdraws it, so a key never outlives
 * the count that its deletion goes with, nor goes before it.
 */
@Component
class MotionKeyTable implements MotionKeys {

    private static final Logger log = LoggerFactory.getLogger(MotionKeyTable.class);

    private final JdbcClient jdbc;
    private final KeyGenerator generator;

    MotionKeyTable(JdbcClient jdbc) throws NoSuchAlgorithmException {
        this.jdbc = jdbc;
        this.generator = KeyGenerator.getInstance("AES");
        this.generator.init(256, new SecureRandom());
    }

    /** Two instances casting the first two ballots at once both insert; one key wins and both read it. */
    @Override
    public byte[] keyOf(String roundId, String motionId) {
        requireTransaction();
        return existingKey(roundId, motionId).orElseGet(() -> {
            jdbc.sql("INSERT INTO ballot_key (round_id, motion_id, secret_key) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(roundId, motionId, newKey())
                    .update();
            return existingKey(roundId, motionId).orElseThrow();
        });
    }

    @Override
    public Optional<byte[]> existingKey(String roundId, String motionId) {
        return jdbc.sql("SELECT secret_key FROM ballot_key WHERE round_id = ? AND motion_id = ?")
                .params(roundId, motionId)
                .query(byte[].class)
                .optional();
    }

    @Override
    public void destroy(String roundId, String motionId) {
        requireTransaction();
        int destroyed = jdbc.sql("DELETE FROM ballot_key WHERE round_id = ? AND motion_id = ?").params(roundId, motionId).update();
        if (destroyed > 0) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    log.info("Ballot key of motion {} of {} destroyed: its secret ballots can no longer be opened", motionId, roundId);
                }
            });
        }
    }

    private byte[] newKey() {
        synchronized (generator) {
            return generator.generateKey().getEncoded();
        }
    }

    /** Outside the command's transaction a key could be kept or destroyed without the events that go with it. */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Ballot keys are made and destroyed only in the transaction of a round's command");
        }
    }
}
