package io.mq.broker.processor.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.protocol.body.MessageQueue;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QueueLockRegistryTest {

    private static final String GROUP = "orderly-group";
    private static final MessageQueue Q0 = new MessageQueue("orders", "broker-a", 0);
    private static final MessageQueue Q1 = new MessageQueue("orders", "broker-a", 1);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final QueueLockRegistry locks = new QueueLockRegistry(Duration.ofSeconds(60), now::get);

    @Test
    void grantsFreeQueuesAndRefusesThoseHeldByALiveOtherClient() {
        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-a")).containsExactly(Q0);

        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0, Q1), "client-b")).containsExactly(Q1);
        assertThat(locks.holder(GROUP, Q0)).contains("client-a");
        assertThat(locks.holder(GROUP, Q1)).contains("client-b");
    }

    @Test
    void locksOfOneGroupDoNotConcernAnother() {
        locks.tryLockBatch(GROUP, Set.of(Q0), "client-a");

        assertThat(locks.tryLockBatch("other-group", Set.of(Q0), "client-b")).containsExactly(Q0);
    }

    @Test
    void aLockExpiresWhenItsHolderStopsRenewing() {
        locks.tryLockBatch(GROUP, Set.of(Q0), "client-a");

        now.addAndGet(60_000);
        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-b")).as("at exactly the live time").isEmpty();

        now.addAndGet(1);
        assertThat(locks.holder(GROUP, Q0)).isEmpty();
        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-b")).containsExactly(Q0);
        assertThat(locks.holder(GROUP, Q0)).contains("client-b");
    }

    @Test
    void renewingKeepsTheLockBeyondTheFirstLiveTime() {
        locks.tryLockBatch(GROUP, Set.of(Q0), "client-a");
        for (int i = 0; i < 5; i++) {
            now.addAndGet(20_000); // the orderly consumer renews every 20 s
            assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-a")).containsExactly(Q0);
        }
        now.addAndGet(50_000);

        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-b")).isEmpty();
        assertThat(locks.holder(GROUP, Q0)).contains("client-a");
    }

    @Test
    void onlyTheHolderCanUnlock() {
        locks.tryLockBatch(GROUP, Set.of(Q0, Q1), "client-a");

        locks.unlockBatch(GROUP, Set.of(Q0, Q1), "client-b");
        assertThat(locks.holder(GROUP, Q0)).contains("client-a");

        locks.unlockBatch(GROUP, Set.of(Q0), "client-a");
        assertThat(locks.holder(GROUP, Q0)).isEmpty();
        assertThat(locks.holder(GROUP, Q1)).contains("client-a");
        assertThat(locks.tryLockBatch(GROUP, Set.of(Q0), "client-b")).containsExactly(Q0);
    }

    @Test
    void purgeForgetsOnlyExpiredLocks() {
        locks.tryLockBatch(GROUP, Set.of(Q0), "client-a");
        now.addAndGet(30_000);
        locks.tryLockBatch(GROUP, Set.of(Q1), "client-b");
        now.addAndGet(31_000);

        assertThat(locks.purgeExpired()).isEqualTo(1);
        assertThat(locks.holder(GROUP, Q1)).contains("client-b");
    }

    @Test
    void refusesANonPositiveLiveTime() {
        assertThatThrownBy(() -> new QueueLockRegistry(Duration.ZERO, now::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
