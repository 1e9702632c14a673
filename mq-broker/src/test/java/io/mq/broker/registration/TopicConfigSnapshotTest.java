package io.mq.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicFilterType;
import io.mq.broker.topic.TopicRegistry;
import io.mq.broker.topic.TopicSettings;
import io.mq.protocol.body.TopicConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicConfigSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void everyTopicIsCarriedWithItsShapeAndTheRegistrysVersion() {
        var topics = TopicRegistry.open(dir, TopicSettings.defaults("DefaultCluster", "broker-a"), () -> 1234L);
        topics.createOrUpdate(new TopicDefinition("orders", 8, 4, Perm.READ_WRITE, TopicFilterType.MULTI_TAG, 2, true));

        var snapshot = TopicConfigSnapshot.of(topics);

        assertThat(snapshot.topicConfigTable()).containsOnlyKeys(topics.all().keySet());
        assertThat(snapshot.topicConfigTable().get("orders")).isEqualTo(new TopicConfig("orders", 8, 4,
                Perm.READ_WRITE, io.mq.protocol.body.TopicFilterType.MULTI_TAG, 2, true, Map.of()));
        assertThat(snapshot.dataVersion().counter()).isEqualTo(topics.dataVersion().counter());
        assertThat(snapshot.dataVersion().timestamp()).isEqualTo(1234L);
    }

    @Test
    void aChangeShowsAsANewVersion() {
        var topics = TopicRegistry.open(dir, TopicSettings.defaults("DefaultCluster", "broker-a"));
        var before = TopicConfigSnapshot.of(topics).dataVersion();

        topics.createOrUpdate(TopicDefinition.of("payments"));

        assertThat(TopicConfigSnapshot.of(topics).dataVersion().counter()).isEqualTo(before.counter() + 1);
    }
}
