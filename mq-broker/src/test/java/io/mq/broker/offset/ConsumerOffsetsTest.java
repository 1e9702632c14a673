package io.mq.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mq.broker.config.ConfigFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerOffsetsTest {

    @TempDir
    Path storeRoot;

    private Path file() {
        return storeRoot.resolve("config/consumerOffset.json");
    }

    @Test
    void unknownQueueAnswersMinusOne() {
        var offsets = ConsumerOffsets.open(storeRoot);

        assertThat(offsets.query("cg", "orders", 0)).isEqualTo(-1);
    }

    @Test
    void commitAcceptsSmallerOffsetsAsRocketMqDoes() {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg", "orders", 0, 12);
        offsets.commit("cg", "orders", 0, 7);

        assertThat(offsets.query("cg", "orders", 0)).isEqualTo(7);
    }

    @Test
    void answersPerGroupAndPerTopic() {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg1", "orders", 1, 7);
        offsets.commit("cg1", "orders", 0, 12);
        offsets.commit("cg2", "orders", 0, 3);
        offsets.commit("cg1", "payments", 0, 1);

        assertThat(offsets.queueOffsets("cg1", "orders")).containsExactly(Map.entry(0, 12L), Map.entry(1, 7L));
        assertThat(offsets.groupsOf("orders")).containsExactly("cg1", "cg2");
        assertThat(offsets.topicsOf("cg1")).containsExactly("orders", "payments");
        assertThat(offsets.queueOffsets("cg3", "orders")).isEmpty();
    }

    @Test
    void removeGroupForgetsItEverywhere() {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg1", "orders", 0, 12);
        offsets.commit("cg1", "payments", 0, 1);
        offsets.commit("cg2", "orders", 0, 3);

        assertThat(offsets.removeGroup("cg1")).isTrue();
        assertThat(offsets.removeGroup("cg1")).isFalse();

        assertThat(offsets.topicsOf("cg1")).isEmpty();
        assertThat(offsets.groupsOf("orders")).containsExactly("cg2");
    }

    @Test
    void resetOverwritesTheGivenQueuesOnly() {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg", "orders", 0, 12);
        offsets.commit("cg", "orders", 1, 7);

        offsets.reset("cg", "orders", Map.of(0, 0L));

        assertThat(offsets.queueOffsets("cg", "orders")).containsExactly(Map.entry(0, 0L), Map.entry(1, 7L));
    }

    @Test
    void closeWritesRocketMqsFileFormatAndARestartReadsIt() throws Exception {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg", "orders", 0, 12);
        offsets.commit("cg", "orders", 1, 7);
        offsets.close();

        assertThat(Files.readString(file())).isEqualTo("{\"offsetTable\":{\"orders@cg\":{0:12,1:7}}}");
        var reopened = ConsumerOffsets.open(storeRoot);
        assertThat(reopened.query("cg", "orders", 0)).isEqualTo(12);
        assertThat(reopened.query("cg", "orders", 1)).isEqualTo(7);
    }

    @Test
    void flushesPeriodicallyWhileRunning() {
        try (var offsets = ConsumerOffsets.open(storeRoot, Duration.ofMillis(50))) {
            offsets.start();
            offsets.commit("cg", "orders", 3, 42);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> ConsumerOffsets.open(storeRoot).query("cg", "orders", 3) == 42);
        }
    }

    @Test
    void nothingIsWrittenWhileNothingChanged() {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.flush();

        assertThat(file()).doesNotExist();
    }

    @Test
    void readsStringQueueKeysAsOtherWritersProduce() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"offsetTable\":{\"orders@cg\":{\"0\":12,\"3\":\"5\"}}}");

        var offsets = ConsumerOffsets.open(storeRoot);

        assertThat(offsets.queueOffsets("cg", "orders")).containsExactly(Map.entry(0, 12L), Map.entry(3, 5L));
    }

    @Test
    void tornFileLoadsThePreviousFlush() throws Exception {
        var offsets = ConsumerOffsets.open(storeRoot);
        offsets.commit("cg", "orders", 0, 12);
        offsets.flush();
        offsets.commit("cg", "orders", 0, 20);
        offsets.flush();
        Files.writeString(file(), "{\"offsetTable\":{\"orders@cg\":{0:2");

        assertThat(ConsumerOffsets.open(storeRoot).query("cg", "orders", 0)).isEqualTo(12);
    }

    @Test
    void tornFileWithoutBackupIsAClearError() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"offsetTable\":{\"orders@cg\":{0:2");

        assertThatThrownBy(() -> ConsumerOffsets.open(storeRoot))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("consumerOffset.json");
    }
}
