package io.mq.broker.processor.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mq.broker.topic.Perm;
import io.mq.broker.topic.TopicDefinition;
import io.mq.broker.topic.TopicFilterType;
import io.mq.protocol.message.MessageProperties;
import io.mq.protocol.message.MessageSysFlag;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendDraftsTest {

    private final SendDrafts drafts = new SendDrafts("DefaultCluster");

    @Test
    void bornHostIsReadFromIpv4AndIpv6ConnectionAddresses() {
        assertThat(SendDrafts.bornHost("10.1.2.3:5678").getAddress().getAddress()).containsExactly(10, 1, 2, 3);
        assertThat(SendDrafts.bornHost("10.1.2.3:5678").getPort()).isEqualTo(5678);
        assertThat(SendDrafts.bornHost("0:0:0:0:0:0:0:1:4321").getAddress().getAddress()).hasSize(16);
        assertThat(SendDrafts.bornHost("[::1]:4321").getPort()).isEqualTo(4321);
        assertThatThrownBy(() -> SendDrafts.bornHost("no-port")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multiTagTopicMarksTheMessageAndWaitFalseIsKeptForTheStore() {
        var topic = new TopicDefinition("tagged", 1, 1, Perm.READ_WRITE, TopicFilterType.MULTI_TAG, 0, false);
        var header = SendRequests.header("tagged", 0, Map.of(MessageProperties.WAIT_STORE_MSG_OK, "false"));

        var draft = drafts.single(header, topic, 0, new byte[] {1}, "127.0.0.1:9");

        assertThat(draft.sysFlag() & MessageSysFlag.MULTI_TAGS).isNotZero();
        assertThat(draft.property(MessageProperties.WAIT_STORE_MSG_OK)).isEqualTo("false");
        assertThat(draft.property(MessageProperties.CLUSTER)).isEqualTo("DefaultCluster");
    }
}
