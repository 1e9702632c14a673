package io.mq.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.config.ConfigFileException;
import io.mq.protocol.body.DataVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRegistryTest {

    @TempDir
    Path storeRoot;

    private final AtomicLong clock = new AtomicLong(1_000);
    private final TopicSettings settings = TopicSettings.defaults("DefaultCluster", "broker-a");

    private TopicRegistry open(TopicSettings s) {
        return TopicRegistry.open(storeRoot, s, clock::get);
    }

    @Test
    void createsRocketMqSystemTopicsAtFirstStart() {
        var registry = open(settings);

        assertThat(registry.get("TBW102")).contains(TopicDefinition.of("TBW102", 8, 7));
        assertThat(registry.get("SCHEDULE_TOPIC_XXXX")).contains(TopicDefinition.of("SCHEDULE_TOPIC_XXXX", 18, 6));
        assertThat(registry.get("RMQ_SYS_TRANS_HALF_TOPIC").orElseThrow().writeQueueNums()).isEqualTo(1);
        assertThat(registry.get("RMQ_SYS_TRANS_OP_HALF_TOPIC").orElseThrow().writeQueueNums()).isEqualTo(1);
        assertThat(registry.get("DefaultCluster")).contains(TopicDefinition.of("DefaultCluster", 16, 7));
        assertThat(registry.get("broker-a")).contains(TopicDefinition.of("broker-a", 1, 7));
        assertThat(registry.all()).containsKeys("SELF_TEST_TOPIC", "OFFSET_MOVED_EVENT", "TRANS_CHECK_MAX_TIME_TOPIC",
                "RMQ_SYS_TRACE_TOPIC", "DefaultCluster_REPLY_TOPIC");
        assertThat(registry.isSystemTopic("broker-a")).isTrue();
        assertThat(registry.isSystemTopic("orders")).isFalse();
        assertThat(storeRoot.resolve("config/topics.json")).exists();
    }

    @Test
    void noTemplateTopicWhenAutoCreateIsDisabled() {
        var registry = open(settings.withAutoCreateTopicEnable(false));

        assertThat(registry.get("TBW102")).isEmpty();
        assertThat(registry.autoCreate("orders", "TBW102", 4, 0)).isEmpty();
    }

    @Test
    void createdTopicsSurviveRestartWithTheirVersion() {
        var registry = open(settings);
        registry.createOrUpdate(new TopicDefinition("orders", 8, 4, Perm.READ, TopicFilterType.SINGLE_TAG, 0, true));
        registry.createOrUpdate(TopicDefinition.of("payments", 2, Perm.READ_WRITE));
        registry.delete("payments");
        var version = registry.dataVersion();

        var reopened = open(settings);

        assertThat(reopened.get("orders"))
                .contains(new TopicDefinition("orders", 8, 4, Perm.READ, TopicFilterType.SINGLE_TAG, 0, true));
        assertThat(reopened.get("payments")).isEmpty();
        assertThat(reopened.dataVersion()).isEqualTo(version);
    }

    @Test
    void everyChangeBumpsTheVersionAndTellsTheListeners() {
        var registry = open(settings);
        List<TopicChange> changes = new CopyOnWriteArrayList<>();
        registry.addListener(changes::add);
        var start = registry.dataVersion();

        clock.set(2_000);
        var created = registry.createOrUpdate(TopicDefinition.of("orders", 4, Perm.READ_WRITE));
        clock.set(3_000);
        var updated = registry.createOrUpdate(TopicDefinition.of("orders", 8, Perm.READ_WRITE));
        registry.createOrUpdate(TopicDefinition.of("orders", 8, Perm.READ_WRITE)); // identical: no change
        clock.set(4_000);
        registry.delete("orders");
        registry.delete("orders"); // gone already: no change

        assertThat(changes).containsExactly(
                new TopicChange.Created(created, new DataVersion(0, 2_000, start.counter() + 1)),
                new TopicChange.Updated(created, updated, new DataVersion(0, 3_000, start.counter() + 2)),
                new TopicChange.Deleted(updated, new DataVersion(0, 4_000, start.counter() + 3)));
        assertThat(registry.dataVersion()).isEqualTo(new DataVersion(0, 4_000, start.counter() + 3));
    }

    @Test
    void queueCountAboveTheCapIsRefusedWithAClearMessage() {
        var registry = open(settings.withMaxQueueNums(64));

        assertThatThrownBy(() -> registry.createOrUpdate(TopicDefinition.of("orders", 65, Perm.READ_WRITE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("'orders'")
                .hasMessageContaining("exceed the maximum of 64");
        assertThat(registry.get("orders")).isEmpty();
    }

    @Test
    void autoCreateCopiesTheTemplateWithoutInheritAndCapsTheQueues() {
        var registry = open(settings);
        List<TopicChange> changes = new CopyOnWriteArrayList<>();
        registry.addListener(changes::add);

        var small = registry.autoCreate("small", "TBW102", 4, 0).orElseThrow();
        var capped = registry.autoCreate("capped", "TBW102", 32, 0).orElseThrow();

        assertThat(small).isEqualTo(TopicDefinition.of("small", 4, Perm.READ_WRITE));
        assertThat(capped).isEqualTo(TopicDefinition.of("capped", 8, Perm.READ_WRITE));
        assertThat(registry.autoCreate("small", "TBW102", 2, 0)).contains(small);
        assertThat(changes).hasSize(2);
        assertThat(open(settings).get("capped")).contains(capped);
    }

    @Test
    void autoCreateNeedsAnInheritableTemplate() {
        var registry = open(settings);
        registry.createOrUpdate(TopicDefinition.of("plain", 4, Perm.READ_WRITE));

        assertThat(registry.autoCreate("x", "plain", 4, 0)).isEmpty();
        assertThat(registry.autoCreate("x", "missing", 4, 0)).isEmpty();
        assertThat(registry.get("x")).isEmpty();
    }

    @Test
    void autoCreateRejectsIllegalNames() {
        var registry = open(settings);

        assertThatThrownBy(() -> registry.autoCreate("bad topic", "TBW102", 4, 0))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("illegal character ' '");
    }

    @Test
    void retryAndDeadLetterTopicsAsRocketMqCreatesThem() {
        var registry = open(settings);

        assertThat(registry.createRetryTopic("cg", 3)).isEqualTo(TopicDefinition.of("%RETRY%cg", 3, 6));
        assertThat(registry.createDlqTopic("cg")).isEqualTo(TopicDefinition.of("%DLQ%cg", 1, Perm.WRITE));
        // existing topics are returned as they are
        assertThat(registry.createRetryTopic("cg", 5).writeQueueNums()).isEqualTo(3);
    }

    @Test
    void fileWinsOverBuiltInSystemTopicDefinitions() {
        var registry = open(settings);
        registry.createOrUpdate(TopicDefinition.of("SCHEDULE_TOPIC_XXXX", 4, Perm.READ_WRITE));

        assertThat(open(settings).get("SCHEDULE_TOPIC_XXXX").orElseThrow().readQueueNums()).isEqualTo(4);
    }

    @Test
    void tornTopicsFileLoadsThePreviousVersionFromTheBackup() throws Exception {
        var registry = open(settings);
        registry.createOrUpdate(TopicDefinition.of("orders", 4, Perm.READ_WRITE));
        registry.createOrUpdate(TopicDefinition.of("payments", 4, Perm.READ_WRITE));
        var file = storeRoot.resolve("config/topics.json");
        var text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));

        var reopened = open(settings);

        assertThat(reopened.get("orders")).isPresent();
        assertThat(reopened.get("payments")).isEmpty();
    }

    @Test
    void tornTopicsFileWithoutBackupRefusesToStartEmpty() throws Exception {
        var file = storeRoot.resolve("config/topics.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"topicConfigTable\":{\"orders\":{\"perm\":");

        assertThatThrownBy(() -> open(settings))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("topics.json");
    }

    @Test
    void readsRocketMqsOwnTopicsFile() throws Exception {
        var file = storeRoot.resolve("config/topics.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                {"dataVersion":{"counter":5,"timestamp":1700000000000},"topicConfigTable":{
                  "orders":{"order":false,"perm":6,"readQueueNums":4,"topicFilterType":"SINGLE_TAG",
                            "topicName":"orders","topicSysFlag":0,"writeQueueNums":4}}}
                """);

        var registry = open(settings);

        assertThat(registry.get("orders")).contains(TopicDefinition.of("orders", 4, 6));
        assertThat(registry.dataVersion()).isEqualTo(new DataVersion(0, 1_700_000_000_000L, 5));
    }
}
