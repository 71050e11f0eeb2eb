package org.giaoban.competition.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.giaoban.competition.CompetitionServiceTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The motions' keys in PostgreSQL: one key per motion whoever makes it first, made and destroyed only with a command's transaction. */
class MotionKeyTableTest extends CompetitionServiceTestBase {

    @Autowired
    private MotionKeys keys;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void twoFirstBallotsAtOnceOnTwoConnectionsGetOneKey() throws Exception {
        String round = uniqueRound();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstMadeIt = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<byte[]> first = instances.submit(() -> transaction.execute(status -> {
                byte[] key = keys.keyOf(round, "m1");
                firstMadeIt.countDown();
                awaitLatch(firstMayCommit);
                return key;
            }));
            assertThat(firstMadeIt.await(10, TimeUnit.SECONDS)).isTrue();
            Future<byte[]> second = instances.submit(() -> transaction.execute(status -> keys.keyOf(round, "m1")));
            // The second sees no key yet, makes one, and waits on the first's uncommitted row.
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO ballot_key%'""")
                    .query(Integer.class).single() == 1);
            firstMayCommit.countDown();

            byte[] kept = first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(kept);
            assertThat(jdbc.sql("SELECT secret_key FROM ballot_key WHERE round_id = ?").param(round).query(byte[].class).list())
                    .containsExactly(kept);
        } finally {
            firstMayCommit.countDown();
            instances.shutdownNow();
        }
    }

    @Test
    void aKeyGoesOnlyWithTheTransactionThatDestroysIt() {
        String round = uniqueRound();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        byte[] key = transaction.execute(status -> keys.keyOf(round, "m1"));

        transaction.executeWithoutResult(status -> {
            keys.destroy(round, "m1");
            assertThat(keys.existingKey(round, "m1")).isEmpty();
            status.setRollbackOnly(); // e.g. the decision's event lost to a concurrent ballot
        });
        assertThat(keys.existingKey(round, "m1")).get().isEqualTo(key);

        transaction.executeWithoutResult(status -> keys.destroy(round, "m1"));
        assertThat(keys.existingKey(round, "m1")).isEmpty();
    }

    @Test
    void outsideATransactionNoKeyIsMadeOrDestroyed() {
        String round = uniqueRound();

        assertThatThrownBy(() -> keys.keyOf(round, "m1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keys.destroy(round, "m1")).isInstanceOf(IllegalStateException.class);
        assertThat(keys.existingKey(round, "m1")).isEmpty();
    }

    private static String uniqueRound() {
        return "cum-" + UUID.randomUUID().toString().substring(0, 8) + "-2023";
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
