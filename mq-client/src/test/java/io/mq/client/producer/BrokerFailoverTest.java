package io.mq.client.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mq.broker.Broker;
import io.mq.broker.BrokerConfig;
import io.mq.broker.store.StoreConfig;
import io.mq.client.Message;
import io.mq.client.OurBroker;
import io.mq.client.SendResult;
import io.mq.client.SendStatus;
import io.mq.protocol.body.MessageQueue;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two brokers behind one name server: when one goes away, sends retry on the other and keep avoiding the dead one. */
class BrokerFailoverTest {

    @TempDir
    Path dir;

    @Test
    void sendsRetryOnTheOtherBrokerWhenOneDies() {
        try (var brokerA = OurBroker.start(dir.resolve("a"))) {
            var brokerB = Broker.start(BrokerConfig.defaults().withPort(0)
                            .withNameServers(List.of(brokerA.nameServerAddress()))
                            .withIdentity("DefaultCluster", "broker-b", "127.0.0.1"),
                    StoreConfig.defaults(dir.resolve("b"), new InetSocketAddress("127.0.0.1", 0))
                            .withCommitLogSegmentSize(16 * 1024 * 1024));
            try (var producer = MqProducer.start(brokerA.clientConfig("failover"), ProducerConfig.of("failover-group"))) {
                await().atMost(Duration.ofSeconds(10)).until(() ->
                        brokerA.embedded().nameServer().registry().liveBrokerAddrs().contains(brokerB.address()));
                var before = IntStream.range(0, 16).mapToObj(i -> producer.send(Message.of("TwoBrokerTopic", "t", "x" + i)))
                        .map(r -> r.messageQueue().brokerName()).distinct().toList();
                assertThat(before).containsExactlyInAnyOrder("broker-a", "broker-b");

                brokerB.close();

                var after = IntStream.range(0, 16)
                        .mapToObj(i -> producer.send(Message.of("TwoBrokerTopic", "t", "y" + i))).toList();
                assertThat(after).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(SendStatus.SEND_OK);
                    assertThat(r.messageQueue().brokerName()).isEqualTo("broker-a");
                });
                assertThat(after.stream().map(SendResult::messageQueue).map(MessageQueue::queueId).distinct())
                        .hasSizeGreaterThan(1);
            } finally {
                brokerB.close();
            }
        }
    }
}
